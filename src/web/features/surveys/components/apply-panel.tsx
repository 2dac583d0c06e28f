import { Alert, Button, Card, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { surveyKeys, surveysApi, type CampaignView, type Results } from '../api.ts';

/** "Terapkan ke LKE": a closed IPAK → H1.a, IPKP → H2.a of one of the unit's assessments. */
export function ApplyPanel({ campaign, results }: { campaign: CampaignView; results: Results }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const item = campaign.kind === 'ipak' ? 'H1.a' : 'H2.a';
  const assessments = useQuery({
    queryKey: surveyKeys.assessments(campaign.unitId),
    queryFn: () => surveysApi.assessments(campaign.unitId),
  });
  const [assessmentId, setAssessmentId] = useState('');
  const [justification, setJustification] = useState('');
  const chosen = assessmentId || assessments.data?.[0]?.id || '';
  const apply = useMutation({
    mutationFn: async () => {
      // The version of the answer read: 0 when H1.a/H2.a was never saved.
      const sheet = await surveysApi.worksheet(chosen);
      const version = sheet.answers.find((a) => a.code === item)?.version ?? 0;
      return surveysApi.apply(campaign.id, {
        assessmentId: chosen,
        version,
        ...(justification.trim() ? { belowMinimumJustification: justification.trim() } : {}),
      });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['worksheet', chosen] });
    },
  });
  const below = !results.sample.meetsLkeMinimum;
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('surveys.apply.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('surveys.apply.help', { item })}
      </Text>
      {campaign.status !== 'closed' && (
        <Text size="sm" c="orange" mb="sm">
          {t('surveys.apply.closeFirst')}
        </Text>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply.mutate();
        }}
      >
        <Stack>
          {assessments.isError && <ErrorAlert error={assessments.error} />}
          {assessments.data?.length === 0 && <Text size="sm">{t('surveys.apply.noAssessment')}</Text>}
          <NativeSelect
            label={t('surveys.apply.assessment')}
            value={chosen}
            onChange={(e) => setAssessmentId(e.currentTarget.value)}
            data={(assessments.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.year} · ${a.unitName} · ${a.target}`,
            }))}
            disabled={!assessments.data?.length}
          />
          {below && (
            <Textarea
              label={t('surveys.apply.justification')}
              description={t('surveys.apply.justificationHelp', { minimum: results.sample.lkeMinimum })}
              value={justification}
              onChange={(e) => setJustification(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
          )}
          {apply.isError && <ErrorAlert error={apply.error} />}
          {apply.data && (
            <Alert color="teal" role="status" title={t('surveys.apply.done', { item: apply.data.itemCode })}>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {apply.data.explanation}
              </Text>
            </Alert>
          )}
          <Button
            type="submit"
            loading={apply.isPending}
            disabled={!chosen}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('surveys.apply.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
