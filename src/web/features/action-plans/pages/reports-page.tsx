import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { planKeys, plansApi, reportPdfUrl, type Report } from '../api.ts';
import { LkeLinkAlert } from '../../team/components/lke-link-alert.tsx';
import { unitYearParams, UnitYearBar } from '../components/unit-year-bar.tsx';

const STATUS_COLORS = { draft: 'gray', submitted: 'blue', approved: 'green', returned: 'orange' } as const;

function QuarterCard({
  report,
  canSubmit,
  canApprove,
  onChanged,
}: {
  report: Report;
  canSubmit: boolean;
  canApprove: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [returning, setReturning] = useState(false);
  const done = async () => {
    setReturning(false);
    setNote('');
    await onChanged();
  };
  const submit = useMutation({
    mutationFn: () => plansApi.submitReport(report.unitId, report.year, report.quarter, report.version),
    onSuccess: done,
  });
  const approve = useMutation({
    mutationFn: () => plansApi.approveReport(report.id ?? '', report.version),
    onSuccess: done,
  });
  const ret = useMutation({
    mutationFn: () => plansApi.returnReport(report.id ?? '', report.version, note.trim()),
    onSuccess: done,
  });
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '');
  const error = submit.error ?? approve.error ?? ret.error;
  return (
    <Card
      withBorder
      radius="md"
      component="article"
      aria-label={t('actionPlans.quarter', { q: report.quarter })}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>
            {t('actionPlans.reports.quarterTitle', { q: report.quarter, year: report.year })}
          </Text>
          <Badge color={STATUS_COLORS[report.status]}>
            {t(`actionPlans.reports.status.${report.status}`)}
          </Badge>
        </Group>
        {report.submittedAt && (
          <Text size="sm">
            {t('actionPlans.reports.submittedBy', {
              name: report.submittedByName ?? '–',
              at: when(report.submittedAt),
            })}
          </Text>
        )}
        {report.approvedAt && (
          <Text size="sm">
            {t('actionPlans.reports.approvedBy', {
              name: report.approvedByName ?? '–',
              at: when(report.approvedAt),
            })}
          </Text>
        )}
        {report.forwardedAt && (
          <Text size="sm">
            {t('actionPlans.reports.forwardedTo', {
              unit: report.forwardedToUnitName ?? '–',
              at: when(report.forwardedAt),
            })}
          </Text>
        )}
        {report.status === 'returned' && (
          <Text size="sm" c="orange.8">
            {t('actionPlans.reports.returnNote', { note: report.returnNote })}
          </Text>
        )}
        <Group gap="xs">
          <Anchor href={reportPdfUrl(report.unitId, report.year, report.quarter)} download>
            {t('actionPlans.reports.pdf')}
          </Anchor>
        </Group>
        {approve.data && (
          <LkeLinkAlert outcome={approve.data.filed.lkeLink} keyPrefix="actionPlans.reports.lkeLink" />
        )}
        {error && <ErrorAlert error={error} />}
        <Group gap="xs">
          {canSubmit && (report.status === 'draft' || report.status === 'returned') && (
            <Button size="xs" onClick={() => submit.mutate()} loading={submit.isPending}>
              {report.status === 'returned'
                ? t('actionPlans.reports.resubmit')
                : t('actionPlans.reports.submit')}
            </Button>
          )}
          {canApprove && report.status === 'submitted' && (
            <>
              <Button size="xs" color="green" onClick={() => approve.mutate()} loading={approve.isPending}>
                {t('actionPlans.reports.approve')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setReturning((r) => !r)}>
                {t('actionPlans.reports.return')}
              </Button>
            </>
          )}
        </Group>
        {returning && (
          <Stack gap="xs">
            <Textarea
              label={t('actionPlans.reports.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
              required
            />
            <Group>
              <Button
                size="xs"
                color="orange"
                onClick={() => ret.mutate()}
                loading={ret.isPending}
                disabled={!note.trim()}
              >
                {t('actionPlans.reports.confirmReturn')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The quarterly monitoring reports of a unit's action plans (monev, LKE P1.iii.b): the team lead submits, the
 * unit's leader approves — forwarding it to the parent unit — or returns it with a note; each as a PDF.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const { unitId: chosen, year } = unitYearParams(params);
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'programme.read', u.path));
  const unitId = chosen ?? (readable.length === 1 ? (readable[0]?.id ?? null) : null);
  const list = useQuery({
    queryKey: planKeys.reports(unitId, year),
    queryFn: () => plansApi.reports(unitId ?? '', year),
    enabled: Boolean(unitId),
  });
  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  return (
    <>
      <PageHeader
        title={t('actionPlans.reports.title')}
        description={t('actionPlans.reports.description')}
        actions={
          unitId && (
            <Button component={Link} variant="default" to={`/action-plans?unit=${unitId}&year=${year}`}>
              {t('actionPlans.backToPlans')}
            </Button>
          )
        }
      />
      <Stack>
        <UnitYearBar
          units={readable}
          unitId={unitId}
          year={year}
          onChange={(next) =>
            setParams(next.unit ? { unit: next.unit, year: String(next.year) } : { year: String(next.year) })
          }
        />
        {list.isError && <ErrorAlert error={list.error} />}
        {list.isPending && unitId && <Loading />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {list.data?.reports.map((r) => (
            <QuarterCard
              key={`${r.quarter}-${r.version}-${r.status}`}
              report={r}
              canSubmit={list.data.canSubmit}
              canApprove={list.data.canApprove}
              onChanged={() => client.invalidateQueries({ queryKey: ['action-plans'] })}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </>
  );
}
