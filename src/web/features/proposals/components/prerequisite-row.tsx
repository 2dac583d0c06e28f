import {
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../contracts/evidence.ts';
import type { PrerequisiteView } from '../../../../contracts/proposals.ts';
import { AGENCY_KINDS, BPK_OPINIONS, GRADES } from '../../../../core/review/prerequisites.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import type { PrerequisiteWrite } from '../api.ts';

type Value = Record<string, unknown>;

/** An empty value of each input kind: what the form starts from before anything is entered. */
const EMPTY: Record<PrerequisiteView['input'], Value> = {
  opinion: { opinion: null },
  grade: { grade: null },
  rb_index: { grade: null, agencyKind: 'kl' },
  maturity: { level: null },
  percent: { percent: null },
  yes_no: { yes: false },
  start_date: { startDate: '' },
};

const asRecord = (v: unknown): Value | null => (typeof v === 'object' && v !== null ? (v as Value) : null);

/** The value of one prerequisite as text, for read-only rows. */
export const valueText = (p: PrerequisiteView, yes: string, no: string): string => {
  const v = asRecord(p.value);
  if (!v) return '—';
  if (p.input === 'yes_no') return v.yes ? yes : no;
  if (p.input === 'percent') return `${String(v.percent)} %`;
  if (p.input === 'rb_index') return `${String(v.grade)} (${String(v.agencyKind).toUpperCase()})`;
  return String(v.opinion ?? v.grade ?? v.level ?? v.startDate ?? '—');
};

function MetBadges({ p }: { p: PrerequisiteView }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {(['WBK', 'WBBM'] as const).map((target) => (
        <Badge key={target} color={p.met[target] ? 'green' : 'red'} variant="light">
          {target} {p.met[target] ? t('proposals.met') : t('proposals.unmet')}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * One §4.2 prerequisite: the value in the control its kind needs, the evidence picked from the unit's own,
 * a note; the system says whether it is met (for WBK and WBBM), never the person.
 */
export function PrerequisiteRow({
  p,
  evidence,
  save,
  onSaved,
}: {
  p: PrerequisiteView;
  evidence: readonly Evidence[];
  save: (code: string, body: PrerequisiteWrite) => Promise<unknown>;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<Value>(asRecord(p.value) ?? EMPTY[p.input]);
  const [evidenceId, setEvidenceId] = useState<string | null>(p.evidence?.id ?? null);
  const [note, setNote] = useState(p.note);
  const mutation = useMutation({
    mutationFn: () => save(p.code, { value, evidenceId, note, version: p.version }),
    onSuccess: onSaved,
  });
  const set = (k: string, v: unknown) => setValue((old) => ({ ...old, [k]: v }));
  const label = t(`proposals.codes.${p.code}`);
  const options = (list: readonly string[]) => list.map((x) => ({ value: x, label: x }));

  const control = (() => {
    switch (p.input) {
      case 'opinion':
        return (
          <Select
            aria-label={label}
            data={options(BPK_OPINIONS)}
            value={(value.opinion as string) ?? null}
            onChange={(v) => set('opinion', v)}
          />
        );
      case 'grade':
        return (
          <Select
            aria-label={label}
            data={options(GRADES)}
            value={(value.grade as string) ?? null}
            onChange={(v) => set('grade', v)}
          />
        );
      case 'rb_index':
        return (
          <Group gap="xs" wrap="nowrap">
            <Select
              aria-label={label}
              data={options(GRADES)}
              value={(value.grade as string) ?? null}
              onChange={(v) => set('grade', v)}
              w={90}
            />
            <Select
              aria-label={t('proposals.agencyKind')}
              data={AGENCY_KINDS.map((k) => ({ value: k, label: t(`proposals.agencyKinds.${k}`) }))}
              value={(value.agencyKind as string) ?? 'kl'}
              onChange={(v) => set('agencyKind', v ?? 'kl')}
              w={130}
            />
          </Group>
        );
      case 'maturity':
        return (
          <NumberInput
            aria-label={label}
            min={0}
            max={5}
            value={(value.level as number) ?? ''}
            onChange={(v) => set('level', typeof v === 'number' ? v : null)}
            w={90}
          />
        );
      case 'percent':
        return (
          <NumberInput
            aria-label={label}
            min={0}
            max={100}
            decimalScale={2}
            suffix=" %"
            value={(value.percent as number) ?? ''}
            onChange={(v) => set('percent', typeof v === 'number' ? v : null)}
            w={120}
          />
        );
      case 'yes_no':
        return (
          <Switch
            aria-label={label}
            checked={Boolean(value.yes)}
            onChange={(e) => set('yes', e.currentTarget.checked)}
            label={value.yes ? t('common.yes') : t('common.no')}
          />
        );
      case 'start_date':
        return (
          <TextInput
            aria-label={label}
            type="date"
            value={(value.startDate as string) ?? ''}
            onChange={(e) => set('startDate', e.currentTarget.value)}
            w={160}
          />
        );
    }
  })();

  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          {p.certainty === 'default' && (
            <Text size="xs" c="dimmed">
              {t('proposals.defaultRule')}
            </Text>
          )}
          {p.source && p.source !== 'entered' && (
            <Badge size="xs" variant="outline">
              {t(`proposals.sources.${p.source}`)}
            </Badge>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {p.editable ? control : <Text size="sm">{valueText(p, t('common.yes'), t('common.no'))}</Text>}
      </Table.Td>
      <Table.Td>
        {p.editable ? (
          <Select
            aria-label={t('proposals.evidence')}
            placeholder={t('proposals.noEvidence')}
            clearable
            searchable
            data={evidence.map((e) => ({ value: e.id, label: e.title }))}
            value={evidenceId}
            onChange={setEvidenceId}
          />
        ) : (
          <Text size="sm">{p.evidence?.title ?? '—'}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {p.editable ? (
          <TextInput
            aria-label={t('proposals.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        ) : (
          <Text size="sm">{p.note || '—'}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <MetBadges p={p} />
      </Table.Td>
      <Table.Td>
        {p.editable && (
          <Button size="xs" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            {t('common.save')}
          </Button>
        )}
        <ErrorAlert error={mutation.error} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The table head of a prerequisites list. */
export function PrerequisiteHead() {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t('proposals.prerequisite')}</Table.Th>
        <Table.Th>{t('proposals.value')}</Table.Th>
        <Table.Th>{t('proposals.evidence')}</Table.Th>
        <Table.Th>{t('proposals.note')}</Table.Th>
        <Table.Th>{t('proposals.status')}</Table.Th>
        <Table.Th />
      </Table.Tr>
    </Table.Thead>
  );
}
