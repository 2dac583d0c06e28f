import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Period } from '../../../../contracts/periods.ts';
import { REVIEW_STATUSES } from '../../../../core/review/review-status.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { api } from '../../../lib/api.ts';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { recapApi, recapKeys } from '../api.ts';
import { RecapTable } from '../components/recap-table.tsx';
import { NO_FILTER, recapLines, type RecapFilter, type SortKey } from '../recap-view.ts';

const agencyOfPath = (path: string) => path.split('/').filter(Boolean)[0] ?? '';

/**
 * The recap (rekapitulasi) of a unit's subtree in one period: one row per unit with its status, completeness,
 * scores and programme figures, grouped by parent with subtotals; sorted, filtered and searched in the
 * browser; a unit's name opens the recap of its own subtree. The unit and period live in the address.
 */
export function RecapPage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<RecapFilter>(() => ({
    ...NO_FILTER,
    eligible: params.get('eligible') === 'no' ? 'no' : params.get('eligible') === 'yes' ? 'yes' : null,
  }));
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'review.read', u.path));
  const top = [...readable].sort((a, b) => a.path.length - b.path.length)[0];
  const unitId = params.get('unit') ?? top?.id ?? null;
  const unit = readable.find((u) => u.id === unitId);
  const periods = useQuery({
    queryKey: ['periods'],
    queryFn: async () => (await api.get<{ periods: Period[] }>('/api/periods')).periods,
  });
  const own = (periods.data ?? [])
    .filter((p) => unit && p.agencyId === agencyOfPath(unit.path))
    .sort((a, b) => b.year - a.year);
  const periodId = params.get('period') ?? own[0]?.id ?? null;
  const recap = useQuery({
    queryKey: recapKeys.recap(unitId, periodId),
    queryFn: () => recapApi.get(unitId ?? '', periodId ?? ''),
    enabled: Boolean(unitId && periodId),
  });
  const lines = useMemo(
    () => (recap.data ? recapLines(recap.data.rows, filter, sort) : []),
    [recap.data, filter, sort],
  );
  const parents = useMemo(() => {
    const rows = recap.data?.rows ?? [];
    const withChildren = new Set(rows.map((r) => r.parentId).filter(Boolean));
    return rows.filter((r) => withChildren.has(r.unitId)).map((r) => ({ value: r.unitId, label: r.name }));
  }, [recap.data]);
  const go = (next: { unit?: string | null; period?: string | null }) => {
    const p: Record<string, string> = {};
    const u = next.unit === undefined ? unitId : next.unit;
    const per = next.period === undefined ? periodId : next.period;
    if (u) p.unit = u;
    if (per) p.period = per;
    if (filter.eligible) p.eligible = filter.eligible;
    setParams(p);
  };
  const onSort = (key: SortKey) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }));

  if (units.isPending || periods.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  const shown = lines.filter((l) => l.kind === 'unit').length;
  return (
    <>
      <PageHeader title={t('recap.title')} description={t('recap.description')} />
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <div style={{ flex: '1 1 18rem' }}>
            <UnitSelect
              label={t('recap.unit')}
              units={readable}
              value={unitId}
              onChange={(id) => go({ unit: id })}
            />
          </div>
          <Select
            label={t('recap.period')}
            data={own.map((p) => ({ value: p.id, label: p.name }))}
            value={periodId}
            onChange={(id) => go({ period: id })}
            w={220}
          />
        </Group>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('recap.search')}
            value={filter.search}
            onChange={(e) => setFilter({ ...filter, search: e.currentTarget.value })}
            w={220}
          />
          <Select
            label={t('recap.filter.status')}
            data={REVIEW_STATUSES.map((s) => ({ value: s, label: t(`assessments.status.${s}`) }))}
            value={filter.status}
            onChange={(v) => setFilter({ ...filter, status: v })}
            clearable
            placeholder={t('recap.filter.all')}
            w={220}
          />
          <Select
            label={t('recap.filter.eligible')}
            data={[
              { value: 'yes', label: t('recap.filter.eligibleYes') },
              { value: 'no', label: t('recap.filter.eligibleNo') },
            ]}
            value={filter.eligible}
            onChange={(v) => setFilter({ ...filter, eligible: v === 'yes' || v === 'no' ? v : null })}
            clearable
            placeholder={t('recap.filter.all')}
            w={200}
          />
          <Select
            label={t('recap.filter.target')}
            data={['WBK', 'WBBM']}
            value={filter.target}
            onChange={(v) => setFilter({ ...filter, target: v === 'WBK' || v === 'WBBM' ? v : null })}
            clearable
            placeholder={t('recap.filter.all')}
            w={140}
          />
          <Select
            label={t('recap.filter.parent')}
            data={parents}
            value={filter.parentId}
            onChange={(v) => setFilter({ ...filter, parentId: v })}
            clearable
            searchable
            placeholder={t('recap.filter.all')}
            w={240}
          />
        </Group>
        {!periodId && <Text c="dimmed">{t('recap.noPeriod')}</Text>}
        {recap.isError && <ErrorAlert error={recap.error} />}
        {recap.isPending && unitId && periodId && <Loading />}
        {recap.data && (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('recap.shown', { shown, total: recap.data.rows.length })}
            </Text>
            {shown === 0 ? (
              <Text c="dimmed">{t('recap.empty')}</Text>
            ) : (
              <RecapTable lines={lines} sort={sort} onSort={onSort} onDrill={(id) => go({ unit: id })} />
            )}
          </>
        )}
      </Stack>
    </>
  );
}
