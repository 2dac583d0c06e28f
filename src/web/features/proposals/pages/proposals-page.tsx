import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ProposalOverview, ProposalRow } from '../../../../contracts/proposals.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useMe } from '../../../lib/session.ts';
import { GuardReasons } from '../../review/components/guard-reasons.tsx';
import { proposalApi, proposalKeys } from '../api.ts';
import { PrerequisiteHead, PrerequisiteRow } from '../components/prerequisite-row.tsx';

/** TPN's deadline and quota for the period: system administrators only. */
function WindowForm({ overview, onSaved }: { overview: ProposalOverview; onSaved: () => void }) {
  const { t } = useTranslation();
  const [deadline, setDeadline] = useState(overview.period.deadlineOverride ?? '');
  const [quota, setQuota] = useState<number | ''>(overview.period.quota ?? '');
  useEffect(() => {
    setDeadline(overview.period.deadlineOverride ?? '');
    setQuota(overview.period.quota ?? '');
  }, [overview.period.deadlineOverride, overview.period.quota]);
  const save = useMutation({
    mutationFn: () =>
      proposalApi.putWindow(overview.period.id, {
        proposalDeadline: deadline || null,
        proposalQuota: quota === '' ? null : quota,
        version: overview.period.version,
      }),
    onSuccess: onSaved,
  });
  return (
    <Card withBorder component="section" aria-label={t('proposals.window.title')}>
      <Title order={3} size="h5" mb="xs">
        {t('proposals.window.title')}
      </Title>
      <Group align="end">
        <TextInput
          type="date"
          label={t('proposals.window.deadline')}
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
        />
        <NumberInput
          label={t('proposals.window.quota')}
          min={0}
          value={quota}
          onChange={(v) => setQuota(typeof v === 'number' ? v : '')}
          w={140}
        />
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {t('common.save')}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </Card>
  );
}

function AssessmentRow({ row, onChanged }: { row: ProposalRow; onChanged: () => void }) {
  const { t } = useTranslation();
  const propose = useMutation({
    mutationFn: () => proposalApi.propose(row.assessmentId, row.version),
    onSuccess: onChanged,
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {row.unitName}
          </Text>
          <Group gap={4}>
            <Badge variant="light">{row.target}</Badge>
            {row.afirmasi && (
              <Badge color="grape" variant="light">
                {t('proposals.afirmasi')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`proposals.statuses.${row.status}`, { defaultValue: row.status })}</Text>
        <Text size="xs" c="dimmed">
          {row.tpiVerdict ? t(`proposals.verdict.${row.tpiVerdict}`) : t('proposals.verdict.none')}
        </Text>
      </Table.Td>
      <Table.Td>
        {row.scores && (
          <Text size="sm">
            {row.scores.total} ({t('proposals.pengungkit')} {row.scores.pengungkit}, {t('proposals.hasil')}{' '}
            {row.scores.hasil})
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {row.prerequisites.met}/{row.prerequisites.total}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {t('proposals.coverLetter')}: {row.documents.coverLetter ? '✓' : '✗'} · SPTJM:{' '}
          {row.documents.sptjm ? '✓' : '✗'}
        </Text>
      </Table.Td>
      <Table.Td>
        {row.blockers.length === 0 ? (
          <Badge color="green">{t('proposals.nothingBlocks')}</Badge>
        ) : (
          <GuardReasons reasons={row.blockers} label={t('proposals.blockers')} />
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Anchor component={Link} to={`/proposals/assessments/${row.assessmentId}`} size="sm">
            {t('proposals.prepare')}
          </Anchor>
          <Button
            size="xs"
            disabled={!row.proposable}
            loading={propose.isPending}
            onClick={() => propose.mutate()}
          >
            {t('proposals.propose')}
          </Button>
          <ErrorAlert error={propose.error} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** For a unit's lead (no agency-wide view): her own assessments of the period, each to its proposal page. */
function OwnAssessments({ periodId }: { periodId: string }) {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: proposalKeys.mine(periodId),
    queryFn: () => proposalApi.assessments(periodId),
  });
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorAlert error={mine.error} />;
  return (
    <Card withBorder component="section" aria-label={t('proposals.mine')}>
      <Title order={3} size="h5" mb="xs">
        {t('proposals.mine')}
      </Title>
      {mine.data.length === 0 ? (
        <Text c="dimmed">{t('proposals.noAssessments')}</Text>
      ) : (
        <Stack gap={4}>
          {mine.data.map((a) => (
            <Anchor key={a.id} component={Link} to={`/proposals/assessments/${a.id}`}>
              {a.unitName} ({a.target})
            </Anchor>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/**
 * The agency's proposal page for one period: TPN's deadline and quota, the agency-level prerequisites with
 * their evidence, and every unit with its verdict, scores, prerequisites, documents and what still blocks it.
 */
export function ProposalsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const periods = useQuery({ queryKey: proposalKeys.periods, queryFn: proposalApi.periods });
  const periodId = params.get('period') ?? periods.data?.[0]?.id ?? null;
  const overview = useQuery({
    queryKey: proposalKeys.overview(periodId),
    queryFn: () => proposalApi.overview(periodId ?? ''),
    enabled: Boolean(periodId),
  });
  const agencyId = overview.data?.period.agencyId ?? null;
  const evidence = useQuery({
    queryKey: proposalKeys.evidence(agencyId),
    queryFn: () => proposalApi.evidence(agencyId ?? ''),
    enabled: Boolean(agencyId),
  });
  const refresh = () => client.invalidateQueries({ queryKey: proposalKeys.overview(periodId) });

  if (periods.isPending) return <Loading />;
  if (periods.isError) return <ErrorAlert error={periods.error} />;
  const o = overview.data;
  return (
    <>
      <PageHeader title={t('proposals.title')} description={t('proposals.description')} />
      <Stack>
        <Select
          label={t('proposals.period')}
          data={(periods.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.year})` }))}
          value={periodId}
          onChange={(v) => v && setParams({ period: v })}
          maw={360}
        />
        {overview.isPending && periodId && <Loading />}
        {overview.isError &&
          (isApiError(overview.error) && overview.error.code === 'FORBIDDEN' && periodId ? (
            <OwnAssessments periodId={periodId} />
          ) : (
            <ErrorAlert error={overview.error} />
          ))}
        {o && (
          <>
            <Text size="sm">
              {t('proposals.deadline', { date: o.period.deadline })} ·{' '}
              {o.period.quota === null
                ? t('proposals.noQuota', { proposed: o.period.proposed })
                : t('proposals.quota', { proposed: o.period.proposed, quota: o.period.quota })}
            </Text>
            {me.isSystemAdmin && <WindowForm overview={o} onSaved={refresh} />}
            <Card withBorder component="section" aria-label={t('proposals.agencyLevel')}>
              <Title order={3} size="h5" mb="xs">
                {t('proposals.agencyLevel')}
              </Title>
              <Table.ScrollContainer minWidth={900}>
                <Table>
                  <PrerequisiteHead />
                  <Table.Tbody>
                    {o.agencyPrerequisites.map((p) => (
                      <PrerequisiteRow
                        key={`${p.code}-${p.version}`}
                        p={p}
                        evidence={evidence.data ?? []}
                        save={(code, body) => proposalApi.putPeriodPrerequisite(o.period.id, code, body)}
                        onSaved={refresh}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            <Card withBorder component="section" aria-label={t('proposals.units')}>
              <Title order={3} size="h5" mb="xs">
                {t('proposals.units')}
              </Title>
              {o.assessments.length === 0 ? (
                <Text c="dimmed">{t('proposals.noAssessments')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={1000}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('proposals.unit')}</Table.Th>
                        <Table.Th>{t('proposals.status')}</Table.Th>
                        <Table.Th>{t('proposals.scores')}</Table.Th>
                        <Table.Th>{t('proposals.prerequisites')}</Table.Th>
                        <Table.Th>{t('proposals.documents')}</Table.Th>
                        <Table.Th>{t('proposals.blockers')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {o.assessments.map((row) => (
                        <AssessmentRow key={row.assessmentId} row={row} onChanged={refresh} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          </>
        )}
      </Stack>
    </>
  );
}
