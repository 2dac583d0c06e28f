import { Badge, Button, Drawer, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { AREAS, planKeys, plansApi, type UnitPlans } from '../api.ts';
import { ActivityForm } from '../components/activity-form.tsx';
import { AreaPanel, type PanelAction } from '../components/area-panel.tsx';
import { CommentsPanel } from '../components/comments-panel.tsx';
import { RealisationForm } from '../components/realisation-form.tsx';
import { unitYearParams, UnitYearBar } from '../components/unit-year-bar.tsx';

/** The six area plans of one unit and year as tabs, with the drawer for adding, realising and discussing. */
function UnitPlansView({
  data,
  asEmployee,
  canComment,
}: {
  data: UnitPlans;
  asEmployee: boolean;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [area, setArea] = useState<string | null>(String(data.editableAreas[0] ?? 1));
  const [action, setAction] = useState<PanelAction | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['action-plans'] });
  const close = () => setAction(null);
  const drawerTitle =
    action === null
      ? ''
      : action.kind === 'new'
        ? t('actionPlans.addActivity')
        : action.kind === 'edit'
          ? t('actionPlans.editActivity')
          : action.kind === 'realise'
            ? t('actionPlans.realisation.title', { name: action.activity.title })
            : t('actionPlans.comments.title', { name: action.activity.title });
  // The drawer shows the freshest copy of its activity after a save.
  const current =
    action && action.kind !== 'new'
      ? (data.areas.flatMap((a) => a.plan?.activities ?? []).find((a) => a.id === action.activity.id) ??
        action.activity)
      : null;
  return (
    <>
      <Group gap="xs">
        <Badge variant="default">
          {t('actionPlans.totals.activities', { count: data.totals.activities })}
        </Badge>
        <Badge variant="default">
          {t('actionPlans.totals.progress', { pct: Math.round(data.totals.progress * 100) })}
        </Badge>
        <Badge color="red" variant="light">
          {t('actionPlans.totals.late', { count: data.totals.counts.late })}
        </Badge>
        <Badge color="yellow" variant="light">
          {t('actionPlans.totals.atRisk', { count: data.totals.counts.at_risk })}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('actionPlans.asOf', { date: data.today })}
        </Text>
      </Group>
      <Tabs value={area} onChange={setArea} keepMounted={false}>
        <Tabs.List>
          {AREAS.map((n) => {
            const plan = data.areas.find((a) => a.area === n)?.plan;
            return (
              <Tabs.Tab
                key={n}
                value={String(n)}
                rightSection={plan ? <Badge size="xs">{plan.activities.length}</Badge> : null}
              >
                {t(`actionPlans.areas.${n}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {AREAS.map((n) => {
          const plan = data.areas.find((a) => a.area === n)?.plan ?? null;
          return (
            <Tabs.Panel key={n} value={String(n)}>
              <AreaPanel
                key={plan?.id ?? 'none'}
                unitId={data.unitId}
                year={data.year}
                area={n}
                plan={plan}
                editable={data.editableAreas.includes(n)}
                onAction={setAction}
                onChanged={refresh}
              />
            </Tabs.Panel>
          );
        })}
      </Tabs>
      <Drawer opened={action !== null} onClose={close} title={drawerTitle} position="right" size="lg">
        {action?.kind === 'new' && (
          <ActivityForm
            planId={action.plan.id}
            area={action.plan.area}
            employees={data.employees}
            onCancel={close}
            onDone={async () => {
              close();
              await refresh();
            }}
          />
        )}
        {action?.kind === 'edit' && current && (
          <ActivityForm
            planId={action.plan.id}
            area={action.plan.area}
            activity={current}
            employees={data.employees}
            onCancel={close}
            onDone={async () => {
              close();
              await refresh();
            }}
          />
        )}
        {action?.kind === 'realise' && current && (
          <RealisationForm
            unitId={data.unitId}
            activity={current}
            assessment={data.assessment}
            onCancel={close}
            onDone={refresh}
          />
        )}
        {action?.kind === 'comments' && current && (
          <CommentsPanel
            activityId={current.id}
            canComment={canComment}
            asEmployee={asEmployee}
            onAdded={refresh}
          />
        )}
      </Drawer>
    </>
  );
}

/**
 * A unit's action plans (rencana aksi) for a year: one tab per change area, activities with target, quarters,
 * owner and LKE items, quarterly realisation with evidence, status and comments. Staff without a role see their
 * own unit's plans through their employee record and may comment.
 */
export function ActionPlanPage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const { unitId: chosen, year } = unitYearParams(params);
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'programme.read', u.path));
  const unitId = chosen ?? (readable.length === 1 ? (readable[0]?.id ?? null) : null);
  const unit = readable.find((u) => u.id === unitId);
  const plans = useQuery({
    queryKey: planKeys.plans(unitId, year),
    queryFn: () => plansApi.plans(unitId ?? '', year),
    enabled: Boolean(unitId),
  });
  const mine = useQuery({
    queryKey: planKeys.mine(year),
    queryFn: () => plansApi.mine(year),
    enabled: units.isSuccess && readable.length === 0,
  });
  const setChoice = (next: { unit: string | null; year: number }) =>
    setParams(next.unit ? { unit: next.unit, year: String(next.year) } : { year: String(next.year) });

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  const links = unitId && (
    <Group gap="xs">
      <Button component={Link} variant="default" to={`/action-plans/reports?unit=${unitId}&year=${year}`}>
        {t('actionPlans.reports.link')}
      </Button>
      <Button component={Link} variant="default" to={`/action-plans/dashboard?unit=${unitId}&year=${year}`}>
        {t('actionPlans.dashboard.link')}
      </Button>
    </Group>
  );
  return (
    <>
      <PageHeader title={t('actionPlans.title')} description={t('actionPlans.description')} actions={links} />
      <Stack>
        {readable.length > 0 ? (
          <>
            <UnitYearBar units={readable} unitId={unitId} year={year} onChange={setChoice} />
            {plans.isError && <ErrorAlert error={plans.error} />}
            {plans.isPending && unitId && <Loading />}
            {plans.data && (
              <UnitPlansView
                key={`${plans.data.unitId}-${plans.data.year}`}
                data={plans.data}
                asEmployee={false}
                canComment={unit ? canOnUnit(me, 'plan.comment', unit.path) : false}
              />
            )}
          </>
        ) : (
          <>
            {mine.isError && <ErrorAlert error={mine.error} />}
            {mine.isPending && <Loading />}
            {mine.data?.length === 0 && <Text c="dimmed">{t('actionPlans.notEmployee')}</Text>}
            {mine.data?.map((u) => (
              <Stack key={u.unitId}>
                <Title order={2} size="h3">
                  {u.unitName}
                </Title>
                <UnitPlansView data={u} asEmployee canComment />
              </Stack>
            ))}
          </>
        )}
      </Stack>
    </>
  );
}
