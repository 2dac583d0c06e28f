import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Declaration } from '../../../../contracts/declaration.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { EvidenceUploader } from '../../../components/evidence-uploader.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { formatDate } from '../../../lib/format.ts';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { createEvidence, declarationApi, declarationKeys } from '../api.ts';

type Witness = { institution: string; name: string };
type Values = {
  declaredOn: string;
  mode: 'in_person' | 'online';
  place: string;
  witnesses: Witness[];
  minutesEvidenceId: string | null;
  mediaEvidenceIds: string[];
  notes: string;
};

const valuesOf = (d: Declaration | null): Values => ({
  declaredOn: d?.declaredOn ?? '',
  mode: d?.mode ?? 'in_person',
  place: d?.place ?? '',
  witnesses: d?.witnesses.map((w) => ({ ...w })) ?? [{ institution: '', name: '' }],
  minutesEvidenceId: d?.minutesEvidenceId ?? null,
  mediaEvidenceIds: d?.mediaEvidenceIds ?? [],
  notes: d?.notes ?? '',
});

/** The unit's declaration (pencanangan): date, place or online, witnesses, minutes and photos/video. */
export function DeclarationPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'programme.read', u.path));
  const unitId = params.get('unit') ?? (readable.length === 1 ? (readable[0]?.id ?? null) : null);
  const unit = readable.find((u) => u.id === unitId);
  const manage = unit ? canOnUnit(me, 'programme.manage', unit.path) : false;
  const seesEvidence = unit ? canOnUnit(me, 'evidence.read', unit.path) : false;
  const current = useQuery({
    queryKey: declarationKeys.one(unitId),
    queryFn: () => declarationApi.get(unitId ?? ''),
    enabled: Boolean(unitId),
  });
  const evidence = useQuery({
    queryKey: declarationKeys.evidence(unitId),
    queryFn: () => declarationApi.evidence(unitId ?? ''),
    enabled: Boolean(unitId) && seesEvidence,
  });
  const [values, setValues] = useState<Values>(valuesOf(null));
  useEffect(() => {
    if (current.data !== undefined) setValues(valuesOf(current.data));
  }, [current.data]);
  const save = useMutation({
    mutationFn: () =>
      declarationApi.save(unitId ?? '', {
        version: current.data?.version ?? null,
        ...values,
        witnesses: values.witnesses.filter((w) => w.institution.trim() !== ''),
      }),
    onSuccess: (saved) => client.setQueryData(declarationKeys.one(unitId), saved),
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setWitness = (i: number, patch: Partial<Witness>) =>
    set(
      'witnesses',
      values.witnesses.map((w, j) => (j === i ? { ...w, ...patch } : w)),
    );
  const options = (evidence.data ?? []).map((e) => ({ value: e.id, label: e.title }));
  const titleOf = (id: string) => options.find((o) => o.value === id)?.label ?? id;
  const uploaded = async (file: { uploadId: string; filename: string }, target: 'minutes' | 'media') => {
    const created = await createEvidence(unitId ?? '', { uploadId: file.uploadId, title: file.filename });
    await client.invalidateQueries({ queryKey: declarationKeys.evidence(unitId) });
    if (target === 'minutes') set('minutesEvidenceId', created.id);
    else setValues((v) => ({ ...v, mediaEvidenceIds: [...v.mediaEvidenceIds, created.id] }));
  };

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  const d = current.data;

  return (
    <>
      <PageHeader title={t('declaration.title')} description={t('declaration.description')} />
      <Stack>
        <UnitSelect
          label={t('declaration.unit')}
          units={readable}
          value={unitId}
          onChange={(id) => setParams(id ? { unit: id } : {})}
        />
        {current.isError && <ErrorAlert error={current.error} />}
        {unit && current.data !== undefined && !manage && (
          <Card withBorder radius="md">
            {d ? (
              <Stack gap={4}>
                <Text fw={700}>
                  {t('declaration.startDate', { date: formatDate(d.declaredOn, i18n.language) })}
                </Text>
                <Text>
                  {d.mode === 'online' ? t('declaration.online') : t('declaration.inPerson')}
                  {d.place ? ` · ${d.place}` : ''}
                </Text>
                <Text size="sm">
                  {t('declaration.witnesses')}:{' '}
                  {d.witnesses
                    .map((w) => (w.name ? `${w.institution} (${w.name})` : w.institution))
                    .join(', ') || '–'}
                </Text>
                <Text size="sm">
                  {t('declaration.minutes')}: {d.minutesEvidenceId ? titleOf(d.minutesEvidenceId) : '–'}
                </Text>
                <Text size="sm">
                  {t('declaration.media')}: {d.mediaEvidenceIds.map(titleOf).join(', ') || '–'}
                </Text>
                {d.notes && <Text size="sm">{d.notes}</Text>}
              </Stack>
            ) : (
              <Text c="dimmed">{t('declaration.none')}</Text>
            )}
          </Card>
        )}
        {unit && current.data !== undefined && manage && (
          <Card withBorder radius="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate();
              }}
            >
              <Stack>
                {d ? (
                  <Text fw={700}>
                    {t('declaration.startDate', { date: formatDate(d.declaredOn, i18n.language) })}
                  </Text>
                ) : (
                  <Text c="dimmed">{t('declaration.none')}</Text>
                )}
                <TextInput
                  type="date"
                  label={t('declaration.date')}
                  required
                  value={values.declaredOn}
                  onChange={(e) => set('declaredOn', e.currentTarget.value)}
                />
                <SegmentedControl
                  aria-label={t('declaration.mode')}
                  value={values.mode}
                  onChange={(v) => set('mode', v === 'online' ? 'online' : 'in_person')}
                  data={[
                    { value: 'in_person', label: t('declaration.inPerson') },
                    { value: 'online', label: t('declaration.online') },
                  ]}
                />
                <TextInput
                  label={values.mode === 'online' ? t('declaration.platform') : t('declaration.place')}
                  required={values.mode === 'in_person'}
                  value={values.place}
                  onChange={(e) => set('place', e.currentTarget.value)}
                />
                <Stack gap={6}>
                  <Title order={2} size="h5">
                    {t('declaration.witnesses')}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {t('declaration.witnessesHelp')}
                  </Text>
                  {values.witnesses.map((w, i) => (
                    <Group key={i} align="flex-end" wrap="nowrap">
                      <TextInput
                        style={{ flex: 1 }}
                        label={t('declaration.institution')}
                        value={w.institution}
                        onChange={(e) => setWitness(i, { institution: e.currentTarget.value })}
                      />
                      <TextInput
                        style={{ flex: 1 }}
                        label={t('declaration.witnessName')}
                        value={w.name}
                        onChange={(e) => setWitness(i, { name: e.currentTarget.value })}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mb={4}
                        aria-label={t('declaration.removeWitness', { n: i + 1 })}
                        onClick={() =>
                          set(
                            'witnesses',
                            values.witnesses.filter((_, j) => j !== i),
                          )
                        }
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  ))}
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    w="fit-content"
                    onClick={() => set('witnesses', [...values.witnesses, { institution: '', name: '' }])}
                  >
                    {t('declaration.addWitness')}
                  </Button>
                </Stack>
                <Select
                  label={t('declaration.minutes')}
                  description={t('declaration.minutesHelp')}
                  data={options}
                  value={values.minutesEvidenceId}
                  onChange={(v) => set('minutesEvidenceId', v)}
                  clearable
                  searchable
                />
                <EvidenceUploader
                  unitId={unit.id}
                  multiple={false}
                  label={t('declaration.uploadMinutes')}
                  onUploaded={(f) => uploaded(f, 'minutes')}
                />
                <MultiSelect
                  label={t('declaration.media')}
                  data={options}
                  value={values.mediaEvidenceIds}
                  onChange={(v) => set('mediaEvidenceIds', v)}
                  searchable
                />
                <EvidenceUploader
                  unitId={unit.id}
                  label={t('declaration.uploadMedia')}
                  onUploaded={(f) => uploaded(f, 'media')}
                />
                <Textarea
                  label={t('declaration.notes')}
                  autosize
                  minRows={2}
                  value={values.notes}
                  onChange={(e) => set('notes', e.currentTarget.value)}
                />
                {save.isError && <ErrorAlert error={save.error} />}
                {save.isSuccess && <Alert color="teal">{t('declaration.saved')}</Alert>}
                <Group justify="flex-end">
                  <Button type="submit" loading={save.isPending}>
                    {t('common.save')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        )}
      </Stack>
    </>
  );
}
