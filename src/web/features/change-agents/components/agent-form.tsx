import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { teamApi, teamKeys } from '../../team/api.ts';
import { agentsApi } from '../api.ts';

/** Designate one of the unit's employees as a change agent, with the decree that names her. */
export function AgentForm({
  unitId,
  onDone,
  onCancel,
}: {
  unitId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const candidates = useQuery({
    queryKey: teamKeys.candidates(unitId),
    queryFn: () => teamApi.candidates(unitId),
  });
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [designatedOn, setDesignatedOn] = useState('');
  const [decreeRef, setDecreeRef] = useState('');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      agentsApi.designate(unitId, {
        employeeId: employeeId ?? '',
        designatedOn,
        decreeRef: decreeRef.trim(),
      }),
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!employeeId || !designatedOn || !decreeRef.trim()) return setMissing(true);
        save.mutate();
      }}
    >
      <Stack>
        {candidates.isError && <ErrorAlert error={candidates.error} />}
        <Select
          label={t('changeAgents.employee')}
          required
          searchable
          data={(candidates.data ?? []).map((c) => ({ value: c.employeeId, label: c.name }))}
          value={employeeId}
          onChange={setEmployeeId}
          nothingFoundMessage={t('common.nothingFound')}
          error={missing && !employeeId ? t('errors.REQUIRED') : undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('changeAgents.designatedOn')}
            required
            value={designatedOn}
            onChange={(e) => setDesignatedOn(e.currentTarget.value)}
            error={missing && !designatedOn ? t('errors.REQUIRED') : undefined}
          />
          <TextInput
            label={t('changeAgents.decreeRef')}
            required
            value={decreeRef}
            onChange={(e) => setDecreeRef(e.currentTarget.value)}
            error={missing && !decreeRef.trim() ? t('errors.REQUIRED') : undefined}
          />
        </SimpleGrid>
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
