import { Alert, Button, Group, Select } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { pactApi, pactKeys } from '../api.ts';

/** One step from the signed list to LKE evidence on P1.iv.d of a draft assessment of the unit. */
export function AttachPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const assessments = useQuery({
    queryKey: pactKeys.assessments(unitId),
    queryFn: () => pactApi.assessments(unitId),
  });
  const drafts = (assessments.data ?? []).filter((a) => a.unitId === unitId && a.status === 'draft');
  const [assessmentId, setAssessmentId] = useState<string | null>(null);
  const chosen = assessmentId ?? (drafts.length === 1 ? (drafts[0]?.id ?? null) : null);
  const attach = useMutation({ mutationFn: (id: string) => pactApi.attach(unitId, id) });
  if (assessments.isError) return <ErrorAlert error={assessments.error} />;
  return (
    <>
      <Group align="flex-end">
        <Select
          label={t('pact.attach.assessment')}
          placeholder={drafts.length === 0 ? t('pact.attach.noDraft') : undefined}
          data={drafts.map((a) => ({ value: a.id, label: `LKE ${a.year} · ${a.target}` }))}
          value={chosen}
          onChange={setAssessmentId}
          disabled={drafts.length === 0}
        />
        <Button disabled={!chosen} loading={attach.isPending} onClick={() => chosen && attach.mutate(chosen)}>
          {t('pact.attach.run')}
        </Button>
      </Group>
      {attach.isSuccess && chosen && (
        <Alert color="teal" mt="xs">
          {t('pact.attach.done', { title: attach.data.title })}{' '}
          <Link to={`/assessments/${chosen}`}>{t('pact.attach.open')}</Link>
        </Alert>
      )}
      {attach.isError && <ErrorAlert error={attach.error} />}
    </>
  );
}
