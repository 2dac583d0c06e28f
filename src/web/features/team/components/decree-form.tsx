import {
  Button,
  Card,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decree, DecreeCreated } from '../../../../contracts/team.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { teamApi, teamKeys } from '../api.ts';
import { EvidencePicker } from './evidence-list.tsx';

const AREAS = [1, 2, 3, 4, 5, 6] as const;
type AreaDraft = { coordinator: string | null; members: string[] };

/**
 * A new decree (SK) or an amendment of the current one: number, dates, the signed PDF, how members were chosen,
 * the lead and the six area teams, all picked from the unit's employees. Prefilled from the current decree.
 */
export function DecreeForm({
  unitId,
  current,
  onDone,
  onCancel,
}: {
  unitId: string;
  current: Decree | null;
  onDone: (created: DecreeCreated) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const candidates = useQuery({
    queryKey: teamKeys.candidates(unitId),
    queryFn: () => teamApi.candidates(unitId),
  });
  const [kind, setKind] = useState<'decree' | 'amendment'>(current ? 'amendment' : 'decree');
  const [number, setNumber] = useState('');
  const [decreedOn, setDecreedOn] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [selectionMethod, setSelectionMethod] = useState(current?.selectionMethod ?? '');
  const [evidenceId, setEvidenceId] = useState<string | null>(null);
  const [lead, setLead] = useState<string | null>(current?.lead?.employeeId ?? null);
  const [areas, setAreas] = useState<Record<number, AreaDraft>>(() =>
    Object.fromEntries(
      AREAS.map((area) => {
        const team = current?.areas.find((a) => a.area === area);
        return [
          area,
          {
            coordinator: team?.coordinator?.employeeId ?? null,
            members: team?.members.map((m) => m.employeeId) ?? [],
          },
        ];
      }),
    ),
  );
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      teamApi.createDecree(unitId, {
        kind,
        number: number.trim(),
        decreedOn,
        validFrom: validFrom || decreedOn,
        evidenceId,
        selectionMethod: selectionMethod.trim(),
        leadEmployeeId: lead ?? '',
        areas: AREAS.map((area) => ({
          area,
          coordinatorEmployeeId: areas[area]?.coordinator ?? '',
          memberEmployeeIds: areas[area]?.members ?? [],
        })),
        currentDecreeId: current?.id ?? null,
      }),
    onSuccess: onDone,
  });
  const options = (candidates.data ?? []).map((e) => ({
    value: e.employeeId,
    label: e.position ? `${e.name} · ${e.position}` : e.name,
  }));
  const complete =
    number.trim() !== '' &&
    decreedOn !== '' &&
    selectionMethod.trim() !== '' &&
    lead !== null &&
    AREAS.every((a) => areas[a]?.coordinator);
  const setArea = (area: number, patch: Partial<AreaDraft>) =>
    setAreas((all) => ({ ...all, [area]: { coordinator: null, members: [], ...all[area], ...patch } }));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!complete) return setMissing(true);
        save.mutate();
      }}
    >
      <Stack>
        {candidates.isError && <ErrorAlert error={candidates.error} />}
        {candidates.data?.length === 0 && <Text c="orange">{t('team.form.noEmployees')}</Text>}
        {current && (
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v === 'decree' ? 'decree' : 'amendment')}
            data={[
              { value: 'amendment', label: t('team.kind.amendment') },
              { value: 'decree', label: t('team.kind.decree') },
            ]}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('team.form.number')}
            required
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            error={missing && !number.trim() ? t('errors.REQUIRED') : undefined}
          />
          <TextInput
            type="date"
            label={t('team.form.decreedOn')}
            required
            value={decreedOn}
            onChange={(e) => setDecreedOn(e.currentTarget.value)}
            error={missing && !decreedOn ? t('errors.REQUIRED') : undefined}
          />
          <TextInput
            type="date"
            label={t('team.form.validFrom')}
            description={t('team.form.validFromHelp')}
            value={validFrom}
            onChange={(e) => setValidFrom(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label={t('team.form.selectionMethod')}
          description={t('team.form.selectionMethodHelp')}
          required
          autosize
          minRows={2}
          value={selectionMethod}
          onChange={(e) => setSelectionMethod(e.currentTarget.value)}
          error={missing && !selectionMethod.trim() ? t('errors.REQUIRED') : undefined}
        />
        <EvidencePicker
          unitId={unitId}
          label={t('team.form.signedPdf')}
          multiple={false}
          value={evidenceId ? [evidenceId] : []}
          onAdd={setEvidenceId}
        />
        <Select
          label={t('team.form.lead')}
          required
          searchable
          data={options}
          value={lead}
          onChange={setLead}
          nothingFoundMessage={t('common.nothingFound')}
          error={missing && !lead ? t('errors.REQUIRED') : undefined}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {AREAS.map((area) => (
            <Card key={area} withBorder radius="md" component="fieldset" aria-label={t(`areas.${area}`)}>
              <Text fw={600} size="sm" mb="xs">
                {t(`areas.${area}`)}
              </Text>
              <Stack gap="xs">
                <Select
                  label={t('team.form.coordinator')}
                  required
                  searchable
                  data={options}
                  value={areas[area]?.coordinator ?? null}
                  onChange={(v) => setArea(area, { coordinator: v })}
                  nothingFoundMessage={t('common.nothingFound')}
                  error={missing && !areas[area]?.coordinator ? t('errors.REQUIRED') : undefined}
                />
                <MultiSelect
                  label={t('team.form.members')}
                  searchable
                  data={options.filter((o) => o.value !== areas[area]?.coordinator)}
                  value={areas[area]?.members ?? []}
                  onChange={(v) => setArea(area, { members: v })}
                  nothingFoundMessage={t('common.nothingFound')}
                />
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('team.form.grantsHelp')}
        </Text>
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('team.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
