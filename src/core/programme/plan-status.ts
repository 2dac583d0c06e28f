/**
 * Progress, status and slippage of action-plan activities (rencana aksi). Pure: "today" is an ISO date passed
 * in (the server gives the date in WIB). The rules, stated once:
 *
 * - The target is spread evenly over the activity's planned quarters, so by the end of k of its n planned
 *   quarters k/n of the target is expected (the *expected share*).
 * - Progress is the sum of the quarters' achieved numbers over the target, capped at 100 %.
 * - **done** when progress reaches 100 %.
 * - **late** when the last planned quarter is *due* (its end plus `REPORTING_GRACE_DAYS` has passed) and the
 *   target is not met, or when progress trails the share due by at least `LATE_SLIPPAGE`.
 * - **at_risk** when progress trails the share of the quarters already ended by more than `AT_RISK_TOLERANCE`.
 * - **on_track** otherwise (including every activity whose first planned quarter has not ended yet).
 */

/** Days after a quarter's end within which its realisation is reported before the quarter counts as due. */
export const REPORTING_GRACE_DAYS = 15;
/** Behind the share due by this much (half the target) is late even before the last quarter ends. */
export const LATE_SLIPPAGE = 0.5;
/** A shortfall up to this share of the target against the quarters ended is still on track. */
export const AT_RISK_TOLERANCE = 0.1;

export type Quarter = 1 | 2 | 3 | 4;
export type PlanStatus = 'on_track' | 'at_risk' | 'late' | 'done';
export const PLAN_STATUSES: readonly PlanStatus[] = ['on_track', 'at_risk', 'late', 'done'];

export type ActivityFigures = {
  target: number;
  /** Planned quarters (non-empty, 1–4). */
  quarters: readonly number[];
  realisations: readonly { quarter: number; achieved: number }[];
};

export type ActivityStatus = {
  /** Sum of achieved numbers. */
  achieved: number;
  /** achieved / target, in [0, 1]. */
  progress: number;
  /** Share of the target expected by the quarters already ended, in [0, 1]. */
  expected: number;
  /** expected − progress when positive, else 0. */
  slippage: number;
  status: PlanStatus;
};

const QUARTER_END: Record<Quarter, string> = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' };

/** The last day of a quarter as an ISO date. @example quarterEnd(2026, 2) // '2026-06-30' */
export const quarterEnd = (year: number, quarter: number): string =>
  `${String(year).padStart(4, '0')}-${QUARTER_END[quarter as Quarter]}`;

/** An ISO date plus some days. @example addDays('2026-03-31', 15) // '2026-04-15' */
export const addDays = (iso: string, days: number): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/** The quarter an ISO date falls in. @example quarterOf('2026-08-17') // 3 */
export const quarterOf = (iso: string): Quarter =>
  (Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1) as Quarter;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The status of one activity of a plan of `year` on `today`.
 * @example activityStatus({ target: 4, quarters: [1, 2, 3, 4], realisations: [{ quarter: 1, achieved: 1 }] },
 *   2026, '2026-07-01') // { achieved: 1, progress: 0.25, expected: 0.5, slippage: 0.25, status: 'at_risk' }
 */
export const activityStatus = (a: ActivityFigures, year: number, today: string): ActivityStatus => {
  const achieved = a.realisations.reduce((sum, r) => sum + r.achieved, 0);
  const progress = a.target > 0 ? clamp01(achieved / a.target) : 1;
  const planned = [...new Set(a.quarters)].sort();
  const n = planned.length;
  const ended = planned.filter((q) => quarterEnd(year, q) < today).length;
  const due = planned.filter((q) => addDays(quarterEnd(year, q), REPORTING_GRACE_DAYS) < today).length;
  const expected = n === 0 ? 0 : ended / n;
  const dueShare = n === 0 ? 0 : due / n;
  const slippage = Math.max(0, expected - progress);
  // Rounding guard: shares are k/n, so compare with a small epsilon rather than exact floating equality.
  const eps = 1e-9;
  let status: PlanStatus;
  if (progress >= 1 - eps) status = 'done';
  else if ((n > 0 && due === n) || dueShare - progress >= LATE_SLIPPAGE - eps) status = 'late';
  else if (expected - progress > AT_RISK_TOLERANCE + eps) status = 'at_risk';
  else status = 'on_track';
  return { achieved, progress, expected, slippage, status };
};

export type PlanSummary = {
  activities: number;
  /** Mean progress of the activities (0 when there are none). */
  progress: number;
  counts: Record<PlanStatus, number>;
};

/** Roll-up of many activities' statuses: counts per status and the mean progress. */
export const summarise = (statuses: readonly ActivityStatus[]): PlanSummary => {
  const counts: Record<PlanStatus, number> = { on_track: 0, at_risk: 0, late: 0, done: 0 };
  for (const s of statuses) counts[s.status] += 1;
  const progress =
    statuses.length === 0 ? 0 : statuses.reduce((sum, s) => sum + s.progress, 0) / statuses.length;
  return { activities: statuses.length, progress, counts };
};

/**
 * The date a quarterly monitoring report describes: the day after its quarter ends, so that quarter counts as
 * ended (realisation expected) but not yet as due.
 */
export const reportAsOf = (year: number, quarter: number): string => addDays(quarterEnd(year, quarter), 1);
