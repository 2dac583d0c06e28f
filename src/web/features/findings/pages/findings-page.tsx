import { Badge, Button, Card, Group, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../contracts/findings.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { EvidenceList } from '../../team/components/evidence-list.tsx';
import { useProgrammeUnit } from '../../team/use-programme-unit.ts';
import { findingKeys, findingsApi } from '../api.ts';
import { FindingForm } from '../components/finding-form.tsx';
import { FollowUpForm } from '../components/follow-up-form.tsx';

const STATUS_COLOR = { open: 'gray', in_progress: 'blue', followed_up: 'green' } as const;

/** The unit's register of audit findings (inspectorate, BPK, others): follow-up share, overdue, follow up, close. */
export function FindingsPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const { units, readable, unitId, canManage, setUnit } = useProgrammeUnit();
  const list = useQuery({
    queryKey: findingKeys.list(unitId),
    queryFn: () => findingsApi.list(unitId ?? ''),
    enabled: Boolean(unitId),
  });
  const [editing, setEditing] = useState<Finding | 'new' | null>(null);
  const [following, setFollowing] = useState<Finding | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: findingKeys.list(unitId) });
  const remove = useMutation({
    mutationFn: (f: Finding) => findingsApi.remove(f.id, f.version),
    onSettled: refresh,
  });

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  const share = list.data?.share;

  return (
    <>
      <PageHeader
        title={t('findings.title')}
        description={t('findings.description')}
        actions={
          canManage && unitId && <Button onClick={() => setEditing('new')}>{t('findings.new')}</Button>
        }
      />
      <Stack>
        <UnitSelect label={t('findings.unit')} units={readable} value={unitId} onChange={setUnit} />
        {list.isPending && unitId && <Loading />}
        {list.isError && <ErrorAlert error={list.error} />}
        <ErrorAlert error={remove.error} />
        {share && (
          <Card withBorder radius="md" component="section" aria-label={t('findings.shareTitle')}>
            <Group justify="space-between" mb={6}>
              <Text fw={600}>{t('findings.shareTitle')}</Text>
              <Text fw={700} size="xl" c={share.percent === 100 ? 'green' : 'orange'}>
                {formatNumber(share.percent, i18n.language)} %
              </Text>
            </Group>
            <Progress value={share.percent} color={share.percent === 100 ? 'green' : 'orange'} aria-hidden />
            <Text size="sm" c="dimmed" mt={6}>
              {t('findings.shareDetail', share)}
            </Text>
            {share.total === 0 && (
              <Text size="sm" c="dimmed">
                {t('findings.shareEmpty')}
              </Text>
            )}
          </Card>
        )}
        {list.data && list.data.findings.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('findings.reference')}</Table.Th>
                  <Table.Th>{t('findings.finding')}</Table.Th>
                  <Table.Th>{t('findings.dueDate')}</Table.Th>
                  <Table.Th>{t('findings.status')}</Table.Th>
                  <Table.Th>{t('findings.followUp')}</Table.Th>
                  {canManage && <Table.Th>{t('findings.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.findings.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {f.reference}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`findings.sources.${f.source}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.finding}</Text>
                      <Text size="xs" c="dimmed">
                        {t('findings.recommendationShort', { text: f.recommendation })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(f.dueDate, i18n.language)}</Text>
                      {f.overdue && (
                        <Badge color="red" size="sm">
                          {t('findings.overdue')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[f.status]} variant="light">
                        {t(`findings.statuses.${f.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {f.followUp || '–'}
                      </Text>
                      {f.evidenceIds.length > 0 && <EvidenceList ids={f.evidenceIds} />}
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        {f.status !== 'followed_up' && (
                          <Group gap={4}>
                            <Button
                              size="compact-sm"
                              onClick={() => setFollowing(f)}
                              aria-label={t('findings.followUpNamed', { name: f.reference })}
                            >
                              {t('findings.followUpAction')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="default"
                              onClick={() => setEditing(f)}
                              aria-label={t('findings.editNamed', { name: f.reference })}
                            >
                              {t('findings.edit')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              loading={remove.isPending && remove.variables?.id === f.id}
                              onClick={() => {
                                if (window.confirm(t('findings.deleteConfirm', { name: f.reference })))
                                  remove.mutate(f);
                              }}
                            >
                              {t('findings.delete')}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('findings.new') : t('findings.edit')}
        size="lg"
        fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}
      >
        {editing !== null && unitId && (
          <FindingForm
            unitId={unitId}
            finding={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onDone={async () => {
              setEditing(null);
              await refresh();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={following !== null}
        onClose={() => setFollowing(null)}
        title={t('findings.followUpTitle', { name: following?.reference ?? '' })}
        size="lg"
        fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}
      >
        {following && (
          <FollowUpForm
            finding={following}
            onCancel={() => setFollowing(null)}
            onDone={async () => {
              setFollowing(null);
              await refresh();
            }}
          />
        )}
      </Modal>
    </>
  );
}
