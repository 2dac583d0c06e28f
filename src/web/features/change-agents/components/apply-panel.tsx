import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { agentKeys, agentsApi } from '../api.ts';

const CODES = ['R1.i.a.1', 'R1.i.a.2', 'R1.i.b.1', 'R1.i.b.2'] as const;

/**
 * The LKE counts R1.i.a/R1.i.b over a year, live from the register, and "Terapkan ke LKE": writes them into a
 * draft assessment of the unit with the source the worksheet shows.
 */
export function ApplyPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const counts = useQuery({
    queryKey: agentKeys.counts(unitId, from, to),
    queryFn: () => agentsApi.counts(unitId, from, to),
    enabled: valid,
  });
  const assessments = useQuery({
    queryKey: agentKeys.assessments(unitId),
    queryFn: () => agentsApi.assessments(unitId),
  });
  const drafts = (assessments.data ?? []).filter(
    (a) => a.status === 'draft' && a.can.answerAreas.includes(1),
  );
  const [assessmentId, setAssessmentId] = useState('');
  const chosen = assessmentId || drafts[0]?.id || '';
  const apply = useMutation({
    mutationFn: () => agentsApi.apply(chosen, { from, to }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['worksheet', chosen] });
      await client.invalidateQueries({ queryKey: agentKeys.feeds(chosen) });
    },
  });
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="agents-apply">
      <Title id="agents-apply" order={2} size="h4" mb="xs">
        {t('changeAgents.apply.title')}
      </Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('changeAgents.apply.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('changeAgents.apply.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </SimpleGrid>
        {counts.isError && <ErrorAlert error={counts.error} />}
        {counts.data && (
          <Table withTableBorder verticalSpacing={4}>
            <Table.Tbody>
              {CODES.map((code) => (
                <Table.Tr key={code}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`changeAgents.inputs.${code.replaceAll('.', '_')}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fw={700}>{counts.data.inputs[code]}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {assessments.isError && <ErrorAlert error={assessments.error} />}
        {assessments.data && drafts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('changeAgents.apply.noDraft')}
          </Text>
        )}
        {drafts.length > 0 && (
          <Group align="flex-end">
            <NativeSelect
              label={t('changeAgents.apply.assessment')}
              value={chosen}
              onChange={(e) => setAssessmentId(e.currentTarget.value)}
              data={drafts.map((a) => ({ value: a.id, label: `${a.year} · ${a.target}` }))}
            />
            <Button disabled={!valid || !chosen} loading={apply.isPending} onClick={() => apply.mutate()}>
              {t('changeAgents.apply.action')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={apply.error} />
        {apply.data && (
          <Alert color="green" variant="light" role="status">
            {t('changeAgents.apply.done', { note: apply.data.note })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
