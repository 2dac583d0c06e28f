import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeAgent } from '../../../../contracts/change-agents.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { formatDate } from '../../../lib/format.ts';
import { EvidenceList } from '../../team/components/evidence-list.tsx';
import { useProgrammeUnit } from '../../team/use-programme-unit.ts';
import { agentKeys, agentsApi } from '../api.ts';
import { AgentForm } from '../components/agent-form.tsx';
import { ApplyPanel } from '../components/apply-panel.tsx';
import { ChangeForm } from '../components/change-form.tsx';

/** Ends a designation on a date (or reinstates it): the counts only take agents serving in the year. */
function RevokeControl({ agent, onDone }: { agent: ChangeAgent; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const save = useMutation({
    mutationFn: (revokedOn: string | null) =>
      agentsApi.update(agent.id, { version: agent.version, revokedOn }),
    onSuccess: onDone,
  });
  return (
    <Stack gap={4}>
      {agent.revokedOn ? (
        <Button size="compact-sm" variant="subtle" loading={save.isPending} onClick={() => save.mutate(null)}>
          {t('changeAgents.reinstate')}
        </Button>
      ) : (
        <Group gap={4} align="flex-end">
          <TextInput
            size="xs"
            type="date"
            label={t('changeAgents.revokedOn')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <Button
            size="compact-sm"
            variant="default"
            disabled={!date}
            loading={save.isPending}
            onClick={() => save.mutate(date)}
          >
            {t('changeAgents.revoke')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={save.error} />
    </Stack>
  );
}

/** The unit's change agents (agen perubahan) and their changes; the counts feed R1.i.a/R1.i.b of the LKE. */
export function ChangeAgentsPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const { units, readable, unitId, canManage, setUnit } = useProgrammeUnit();
  const list = useQuery({
    queryKey: agentKeys.list(unitId),
    queryFn: () => agentsApi.list(unitId ?? ''),
    enabled: Boolean(unitId),
  });
  const [adding, setAdding] = useState(false);
  const [changeFor, setChangeFor] = useState<ChangeAgent | null>(null);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: agentKeys.list(unitId) });
    await client.invalidateQueries({ queryKey: ['change-agent-counts', unitId] });
  };
  const removeChange = useMutation({
    mutationFn: (p: { agentId: string; changeId: string }) => agentsApi.removeChange(p.agentId, p.changeId),
    onSettled: refresh,
  });

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;

  return (
    <>
      <PageHeader
        title={t('changeAgents.title')}
        description={t('changeAgents.description')}
        actions={
          canManage && unitId && <Button onClick={() => setAdding(true)}>{t('changeAgents.new')}</Button>
        }
      />
      <Stack>
        <UnitSelect label={t('changeAgents.unit')} units={readable} value={unitId} onChange={setUnit} />
        {list.isPending && unitId && <Loading />}
        {list.isError && <ErrorAlert error={list.error} />}
        <ErrorAlert error={removeChange.error} />
        {list.data?.length === 0 && <Text c="dimmed">{t('changeAgents.empty')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(list.data ?? []).map((a) => (
            <Card key={a.id} withBorder radius="md" component="article" aria-label={a.employeeName}>
              <Group justify="space-between" align="flex-start" mb="xs">
                <Stack gap={2}>
                  <Text fw={700}>{a.employeeName}</Text>
                  <Text size="xs" c="dimmed">
                    {t('changeAgents.designation', {
                      date: formatDate(a.designatedOn, i18n.language),
                      decree: a.decreeRef,
                    })}
                  </Text>
                  {a.revokedOn && (
                    <Badge color="gray" size="sm">
                      {t('changeAgents.revokedSince', { date: formatDate(a.revokedOn, i18n.language) })}
                    </Badge>
                  )}
                </Stack>
                {canManage && (
                  <Button
                    size="compact-sm"
                    onClick={() => setChangeFor(a)}
                    aria-label={t('changeAgents.addChangeNamed', { name: a.employeeName })}
                  >
                    {t('changeAgents.addChange')}
                  </Button>
                )}
              </Group>
              <Text size="sm" fw={500}>
                {t('changeAgents.changes', { count: a.changes.length })}
              </Text>
              <Stack gap={6} mt={4}>
                {a.changes.map((c) => (
                  <Card key={c.id} withBorder padding="xs" radius="sm">
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={2}>
                        <Group gap={6}>
                          <Text size="sm" fw={600}>
                            {c.title}
                          </Text>
                          {c.integrated && (
                            <Badge size="xs" color="teal">
                              {t('changeAgents.integratedBadge')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {formatDate(c.madeOn, i18n.language)}
                        </Text>
                        {c.description && <Text size="sm">{c.description}</Text>}
                        {c.evidenceIds.length > 0 && <EvidenceList ids={c.evidenceIds} />}
                      </Stack>
                      {canManage && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            if (window.confirm(t('changeAgents.removeChangeConfirm', { name: c.title })))
                              removeChange.mutate({ agentId: a.id, changeId: c.id });
                          }}
                        >
                          {t('changeAgents.removeChange')}
                        </Button>
                      )}
                    </Group>
                  </Card>
                ))}
              </Stack>
              {canManage && (
                <div style={{ marginTop: 8 }}>
                  <RevokeControl agent={a} onDone={refresh} />
                </div>
              )}
            </Card>
          ))}
        </SimpleGrid>
        {unitId && <ApplyPanel unitId={unitId} />}
      </Stack>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('changeAgents.new')} size="lg">
        {adding && unitId && (
          <AgentForm
            unitId={unitId}
            onCancel={() => setAdding(false)}
            onDone={async () => {
              setAdding(false);
              await refresh();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={changeFor !== null}
        onClose={() => setChangeFor(null)}
        title={t('changeAgents.addChangeNamed', { name: changeFor?.employeeName ?? '' })}
        size="lg"
        fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}
      >
        {changeFor && (
          <ChangeForm
            agent={changeFor}
            onCancel={() => setChangeFor(null)}
            onDone={async () => {
              setChangeFor(null);
              await refresh();
            }}
          />
        )}
      </Modal>
    </>
  );
}
