/** Numbers and dates as Indonesian documents print them: decimal comma, dot for thousands. */

const formatters = new Map<number, Intl.NumberFormat>();

/**
 * A number with a fixed number of decimals in the Indonesian convention; '–' for null.
 * @example formatId(83.33, 2) // '83,33'; formatId(1234.5, 1) // '1.234,5'
 */
export const formatId = (x: number | null | undefined, decimals = 2): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('id-ID', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(decimals, f);
  }
  return f.format(x);
};

/** A percentage of a ratio (0.5 → '50,0 %'). */
export const formatPercentId = (ratio: number | null | undefined, decimals = 1): string =>
  ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? '–'
    : `${formatId(ratio * 100, decimals)} %`;

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/**
 * An ISO date (YYYY-MM-DD) or a Date (taken in WIB, UTC+7) as "23 November 2026".
 * @example formatDateId('2026-01-05') // '5 Januari 2026'
 */
export const formatDateId = (d: string | Date): string => {
  const iso =
    typeof d === 'string' ? d.slice(0, 10) : new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[m - 1] ?? ''} ${y}`;
};

/** A count as Indonesian documents print it: no decimals, dots for thousands. @example formatCountId(1234) // '1.234' */
export const formatCountId = (x: number | null | undefined): string => formatId(x, 0);

/** The three time zones of Indonesia and their offsets from UTC in hours. */
export const TIME_ZONES = { WIB: 7, WITA: 8, WIT: 9 } as const;
export type TimeZoneId = keyof typeof TIME_ZONES;

/** The clock time in a zone as "14.05" (Indonesian writes a dot between hours and minutes). */
const clockIn = (d: Date, zone: TimeZoneId): string => {
  const local = new Date(d.getTime() + TIME_ZONES[zone] * 3_600_000).toISOString();
  return `${local.slice(11, 13)}.${local.slice(14, 16)}`;
};

/** The calendar date of an instant in a zone, as "7 Desember 2026". */
export const formatDateInZone = (d: Date, zone: TimeZoneId = 'WIB'): string =>
  formatDateId(new Date(d.getTime() + TIME_ZONES[zone] * 3_600_000).toISOString());

/**
 * An instant as a date and time with its zone, as official documents write it.
 * @example formatDateTimeId(new Date('2026-12-07T07:05:00Z'), 'WITA') // '7 Desember 2026 15.05 WITA'
 */
export const formatDateTimeId = (d: Date, zone: TimeZoneId = 'WIB'): string =>
  `${formatDateInZone(d, zone)} ${clockIn(d, zone)} ${zone}`;
