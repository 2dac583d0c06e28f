import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../contracts/findings.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { EvidencePicker } from '../../team/components/evidence-list.tsx';
import { findingsApi } from '../api.ts';

/** Record the follow-up (text and evidence); optionally close the finding as followed up in the same step. */
export function FollowUpForm({
  finding,
  onDone,
  onCancel,
}: {
  finding: Finding;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(finding.followUp);
  const [evidenceIds, setEvidenceIds] = useState<string[]>(finding.evidenceIds);
  const save = useMutation({
    mutationFn: async (close: boolean) => {
      const saved = await findingsApi.followUp(finding.id, {
        version: finding.version,
        followUp: text.trim(),
        evidenceIds,
      });
      if (close) await findingsApi.close(finding.id, saved.version);
    },
    onSuccess: onDone,
  });
  return (
    <Stack>
      <Text size="sm">{finding.recommendation}</Text>
      <Textarea
        label={t('findings.followUp')}
        required
        autosize
        minRows={3}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <EvidencePicker
        unitId={finding.unitId}
        label={t('findings.evidence')}
        value={evidenceIds}
        onAdd={(id) => setEvidenceIds((ids) => [...ids, id])}
      />
      <ErrorAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="light"
          disabled={!text.trim()}
          loading={save.isPending}
          onClick={() => save.mutate(false)}
        >
          {t('findings.saveFollowUp')}
        </Button>
        <Button disabled={!text.trim()} loading={save.isPending} onClick={() => save.mutate(true)}>
          {t('findings.saveAndClose')}
        </Button>
      </Group>
    </Stack>
  );
}
