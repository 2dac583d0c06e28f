import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { EvidenceUploader } from '../../../components/evidence-uploader.tsx';
import { planKeys, plansApi, QUARTERS, type Activity } from '../api.ts';

type Props = {
  unitId: string;
  activity: Activity;
  /** The unit's assessment of the plan's year: the evidence is attached to the activity's LKE items there. */
  assessment: { id: string; status: string } | null;
  onDone: () => void | Promise<void>;
  onCancel: () => void;
};

/**
 * Report a quarter's realisation with evidence: pick from the unit's library or upload; on saving, the evidence is
 * attached to the activity's LKE items in the unit's assessment in the same step.
 */
export function RealisationForm({ unitId, activity, assessment, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const firstOpen = activity.quarters.find((q) => !activity.realisations.some((r) => r.quarter === q));
  const [quarter, setQuarter] = useState(String(firstOpen ?? activity.quarters[0] ?? 1));
  const existing = activity.realisations.find((r) => r.quarter === Number(quarter));
  const [achieved, setAchieved] = useState<number | string>(existing?.achieved ?? '');
  const [note, setNote] = useState(existing?.note ?? '');
  const [evidenceIds, setEvidenceIds] = useState<string[]>(existing?.evidence.map((e) => e.id) ?? []);
  const [linked, setLinked] = useState<string[] | null>(null);
  const library = useQuery({ queryKey: planKeys.evidence(unitId), queryFn: () => plansApi.evidence(unitId) });
  const pickQuarter = (q: string) => {
    const r = activity.realisations.find((x) => x.quarter === Number(q));
    setQuarter(q);
    setAchieved(r?.achieved ?? '');
    setNote(r?.note ?? '');
    setEvidenceIds(r?.evidence.map((e) => e.id) ?? []);
  };
  const save = useMutation({
    mutationFn: () =>
      plansApi.saveRealisation(activity.id, Number(quarter), {
        version: existing?.version ?? 0,
        achieved: Number(achieved),
        note,
        evidenceIds,
      }),
    onSuccess: async (saved) => {
      setLinked([...new Set(saved.linked.map((l) => l.code))]);
      await onDone();
    },
  });
  const locked = assessment !== null && assessment.status !== 'draft';
  return (
    <Stack>
      <SegmentedControl
        value={quarter}
        onChange={pickQuarter}
        data={QUARTERS.map((q) => ({ value: String(q), label: t('actionPlans.quarter', { q }) }))}
        aria-label={t('actionPlans.realisation.quarter')}
      />
      <Text size="sm" c="dimmed">
        {t('actionPlans.realisation.targetLine', { target: activity.target, unit: activity.targetUnit })}
      </Text>
      <NumberInput
        label={t('actionPlans.realisation.achieved', { unit: activity.targetUnit })}
        value={achieved}
        onChange={setAchieved}
        min={0}
        decimalSeparator=","
        thousandSeparator="."
        required
      />
      <Textarea
        label={t('actionPlans.realisation.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={5000}
      />
      <MultiSelect
        label={t('actionPlans.realisation.evidence')}
        data={(library.data ?? []).map((e) => ({ value: e.id, label: e.title }))}
        value={evidenceIds}
        onChange={setEvidenceIds}
        searchable
        clearable
        nothingFoundMessage={t('actionPlans.realisation.noEvidence')}
      />
      <EvidenceUploader
        unitId={unitId}
        label={t('actionPlans.realisation.upload')}
        onUploaded={async (file) => {
          const created = await plansApi.createEvidence(unitId, file.uploadId, file.filename);
          await client.invalidateQueries({ queryKey: planKeys.evidence(unitId) });
          setEvidenceIds((ids) => [...ids, created.id]);
        }}
      />
      {activity.lkeCodes.length > 0 && (
        <Alert color={locked ? 'orange' : 'blue'} variant="light">
          {assessment === null
            ? t('actionPlans.realisation.noAssessment')
            : locked
              ? t('actionPlans.realisation.locked')
              : t('actionPlans.realisation.willLink', { codes: activity.lkeCodes.join(', ') })}
        </Alert>
      )}
      {linked && linked.length > 0 && (
        <Alert color="green" variant="light" role="status">
          {t('actionPlans.realisation.linked', { codes: linked.join(', ') })}
        </Alert>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('actionPlans.close')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={achieved === ''}>
          {t('actionPlans.realisation.save')}
        </Button>
      </Group>
    </Stack>
  );
}
