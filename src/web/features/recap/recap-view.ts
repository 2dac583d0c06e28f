import type { RecapRow } from '../../../contracts/recap.ts';

/** What the recap table can be sorted by. */
export type SortKey =
  'name' | 'status' | 'answered' | 'unitTotal' | 'latestTotal' | 'pengungkit' | 'hasil' | 'failed' | 'pact';
export type RecapFilter = {
  status: string | null;
  /** 'yes' | 'no' | null (all). */
  eligible: 'yes' | 'no' | null;
  target: 'WBK' | 'WBBM' | null;
  parentId: string | null;
  search: string;
};
export const NO_FILTER: RecapFilter = {
  status: null,
  eligible: null,
  target: null,
  parentId: null,
  search: '',
};

/** The total that counts for a unit: the latest reviewer's when there is one, else the unit's own. */
export const latestTotal = (r: RecapRow): number | null =>
  r.assessment ? Number(r.assessment.reviewer?.total ?? r.assessment.unitTotal) : null;

/** Eligible for the predicate the unit aims at. */
export const isEligible = (r: RecapRow): boolean =>
  r.assessment !== null &&
  (r.assessment.target === 'WBBM' ? r.assessment.wbbmEligible : r.assessment.wbkEligible);

const keyOf = (r: RecapRow, key: SortKey): string | number | null => {
  const a = r.assessment;
  switch (key) {
    case 'name':
      return r.name.toLocaleLowerCase('id');
    case 'status':
      return a?.status ?? null;
    case 'answered':
      return a ? a.answered : null;
    case 'unitTotal':
      return a ? Number(a.unitTotal) : null;
    case 'latestTotal':
      return latestTotal(r);
    case 'pengungkit':
      return a ? Number(a.pengungkit) : null;
    case 'hasil':
      return a ? Number(a.hasil) : null;
    case 'failed':
      return a ? a.failedRules : null;
    case 'pact':
      return r.pact.total === 0 ? null : r.pact.signed / r.pact.total;
  }
};

export const matches = (r: RecapRow, f: RecapFilter): boolean => {
  if (f.status && r.assessment?.status !== f.status) return false;
  if (f.eligible === 'yes' && !isEligible(r)) return false;
  if (f.eligible === 'no' && isEligible(r)) return false;
  if (f.target && r.assessment?.target !== f.target) return false;
  if (f.parentId && r.parentId !== f.parentId) return false;
  const q = f.search.trim().toLocaleLowerCase('id');
  return q === '' || r.name.toLocaleLowerCase('id').includes(q) || r.code.toLocaleLowerCase('id').includes(q);
};

export type Subtotal = { count: number; mean: number | null; min: number | null; eligible: number };

/** Count, mean and minimum of the counting totals (units without an assessment left out), eligible count. */
export const subtotal = (rows: readonly RecapRow[]): Subtotal => {
  const totals = rows.map(latestTotal).filter((x): x is number => x !== null);
  return {
    count: rows.length,
    mean: totals.length === 0 ? null : totals.reduce((s, x) => s + x, 0) / totals.length,
    min: totals.length === 0 ? null : Math.min(...totals),
    eligible: rows.filter(isEligible).length,
  };
};

export type RecapLine =
  | { kind: 'group'; parentId: string | null; parentName: string; subtotal: Subtotal }
  | { kind: 'unit'; row: RecapRow };

/**
 * The table's lines: rows that pass the filter, grouped under their parent (a heading with the group's
 * subtotal), groups in tree order, rows sorted within each group. Blank values sort last either way.
 */
export const recapLines = (
  rows: readonly RecapRow[],
  filter: RecapFilter,
  sort: { key: SortKey; desc: boolean },
): RecapLine[] => {
  const nameOf = new Map(rows.map((r) => [r.unitId, r.name]));
  const groups = new Map<string, RecapRow[]>();
  for (const r of rows) {
    if (!matches(r, filter)) continue;
    const k = r.parentId ?? '';
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  const cmp = (a: RecapRow, b: RecapRow) => {
    const x = keyOf(a, sort.key);
    const y = keyOf(b, sort.key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return sort.desc ? -c : c;
  };
  const out: RecapLine[] = [];
  for (const [k, list] of groups) {
    out.push({
      kind: 'group',
      parentId: k || null,
      parentName: nameOf.get(k) ?? '',
      subtotal: subtotal(list),
    });
    for (const row of [...list].sort(cmp)) out.push({ kind: 'unit', row });
  }
  return out;
};
