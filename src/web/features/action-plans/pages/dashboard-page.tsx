import { Badge, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { AREAS, planKeys, plansApi, type Dashboard } from '../api.ts';
import { unitYearParams, UnitYearBar } from '../components/unit-year-bar.tsx';

type Totals = Dashboard['children'][number]['totals'];

/** One cell: activities, mean progress, and the late / at-risk counts when there are any. */
function TotalsCell({ totals, hasPlan = true }: { totals: Totals; hasPlan?: boolean }) {
  const { t } = useTranslation();
  if (!hasPlan) return <Text c="dimmed">–</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('actionPlans.dashboard.cell', {
          count: totals.activities,
          pct: Math.round(totals.progress * 100),
        })}
      </Text>
      <Group gap={4}>
        {totals.counts.late > 0 && (
          <Badge size="xs" color="red">
            {t('actionPlans.totals.late', { count: totals.counts.late })}
          </Badge>
        )}
        {totals.counts.at_risk > 0 && (
          <Badge size="xs" color="yellow">
            {t('actionPlans.totals.atRisk', { count: totals.counts.at_risk })}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/**
 * A parent unit's dashboard: its children's action plans side by side — per area the activities, progress and
 * slippage, and the last quarterly report its leader approved. A provincial leader sees her regencies here.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const { unitId: chosen, year } = unitYearParams(params);
  const deep = params.get('deep') === 'true';
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'programme.read', u.path));
  // Default to the highest unit the user reads: a provincial leader lands on her province.
  const top = [...readable].sort((a, b) => a.path.length - b.path.length)[0];
  const unitId = chosen ?? top?.id ?? null;
  const dash = useQuery({
    queryKey: planKeys.dashboard(unitId, year, deep),
    queryFn: () => plansApi.dashboard(unitId ?? '', year, deep),
    enabled: Boolean(unitId),
  });
  const set = (next: { unit: string | null; year: number; deep?: boolean }) => {
    const p: Record<string, string> = { year: String(next.year) };
    if (next.unit) p.unit = next.unit;
    if (next.deep ?? deep) p.deep = 'true';
    setParams(p);
  };
  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  return (
    <>
      <PageHeader
        title={t('actionPlans.dashboard.title')}
        description={t('actionPlans.dashboard.description')}
      />
      <Stack>
        <UnitYearBar units={readable} unitId={unitId} year={year} onChange={(n) => set(n)}>
          <Switch
            label={t('actionPlans.dashboard.deep')}
            checked={deep}
            onChange={(e) => set({ unit: unitId, year, deep: e.currentTarget.checked })}
          />
        </UnitYearBar>
        {dash.isError && <ErrorAlert error={dash.error} />}
        {dash.isPending && unitId && <Loading />}
        {dash.data?.children.length === 0 && <Text c="dimmed">{t('actionPlans.dashboard.empty')}</Text>}
        {dash.data && dash.data.children.length > 0 && (
          <Table.ScrollContainer minWidth={1000}>
            <Table striped withTableBorder verticalSpacing="xs" aria-label={t('actionPlans.dashboard.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('actionPlans.unit')}</Table.Th>
                  <Table.Th>{t('actionPlans.dashboard.all')}</Table.Th>
                  {AREAS.map((n) => (
                    <Table.Th key={n}>{t(`actionPlans.areasShort.${n}`)}</Table.Th>
                  ))}
                  <Table.Th>{t('actionPlans.dashboard.lastApproved')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dash.data.children.map((c) => (
                  <Table.Tr key={c.unitId}>
                    <Table.Td>
                      <Button
                        component={Link}
                        variant="subtle"
                        size="compact-sm"
                        to={`/action-plans?unit=${c.unitId}&year=${year}`}
                        style={{ paddingLeft: (c.depth - (dash.data.children[0]?.depth ?? c.depth)) * 12 }}
                      >
                        {c.unitName}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      <TotalsCell totals={c.totals} />
                    </Table.Td>
                    {c.areas.map((a) => (
                      <Table.Td key={a.area}>
                        <TotalsCell totals={a.totals} hasPlan={a.hasPlan} />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {c.lastApprovedQuarter
                        ? t('actionPlans.quarterShort', { q: c.lastApprovedQuarter })
                        : t('actionPlans.dashboard.none')}
                      {c.lastReport && c.lastReport.status !== 'approved' && (
                        <Text size="xs" c="dimmed">
                          {t('actionPlans.dashboard.lastReport', {
                            q: c.lastReport.quarter,
                            status: t(`actionPlans.reports.status.${c.lastReport.status}`),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </>
  );
}
