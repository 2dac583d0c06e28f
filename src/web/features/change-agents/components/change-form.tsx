import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeAgent } from '../../../../contracts/change-agents.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { EvidencePicker } from '../../team/components/evidence-list.tsx';
import { agentsApi } from '../api.ts';

/** Record a concrete change an agent made: title, date, description, whether it entered the management system. */
export function ChangeForm({
  agent,
  onDone,
  onCancel,
}: {
  agent: ChangeAgent;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [madeOn, setMadeOn] = useState('');
  const [description, setDescription] = useState('');
  const [integrated, setIntegrated] = useState(false);
  const [evidenceIds, setEvidenceIds] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      agentsApi.addChange(agent.id, {
        title: title.trim(),
        madeOn,
        description: description.trim(),
        integrated,
        evidenceIds,
      }),
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim() || !madeOn) return setMissing(true);
        save.mutate();
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('changeAgents.changeTitle')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={missing && !title.trim() ? t('errors.REQUIRED') : undefined}
          />
          <TextInput
            type="date"
            label={t('changeAgents.madeOn')}
            required
            value={madeOn}
            onChange={(e) => setMadeOn(e.currentTarget.value)}
            error={missing && !madeOn ? t('errors.REQUIRED') : undefined}
          />
        </SimpleGrid>
        <Textarea
          label={t('changeAgents.changeDescription')}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Checkbox
          label={t('changeAgents.integrated')}
          description={t('changeAgents.integratedHelp')}
          checked={integrated}
          onChange={(e) => setIntegrated(e.currentTarget.checked)}
        />
        <EvidencePicker
          unitId={agent.unitId}
          label={t('changeAgents.evidence')}
          value={evidenceIds}
          onAdd={(id) => setEvidenceIds((ids) => [...ids, id])}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
