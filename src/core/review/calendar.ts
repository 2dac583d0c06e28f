/** A calendar day as ISO text, `YYYY-MM-DD`; such strings compare correctly as text. */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The local calendar day of an instant at a fixed UTC offset in minutes (WIB is +420).
 * @example localDate(new Date('2025-05-31T16:59:59Z'), 420) // '2025-05-31' (23:59:59 WIB)
 */
export const localDate = (now: Date, utcOffsetMinutes: number): CalendarDate =>
  new Date(now.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);

/**
 * The same month and day `years` later; 29 February moves to 1 March in a common year, so a two-year
 * period never ends early.
 * @example addYears('2022-02-03', 2) // '2024-02-03'
 * @example addYears('2024-02-29', 2) // '2026-03-01'
 */
export const addYears = (date: CalendarDate, years: number): CalendarDate => {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`calendar: ${date} is not YYYY-MM-DD`);
  const d = new Date(Date.UTC(Number(m[1]) + years, Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10);
};

/** True for a real `YYYY-MM-DD` day. @example isCalendarDate('2025-02-30') // false */
export const isCalendarDate = (date: string): boolean => {
  const m = ISO_DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
};
