// Indonesian formatting at the edge: decimal comma, id-ID dates. English uses en-GB (day first, as Indonesia).

const localeTag = (lng: string): string => (lng === 'en' ? 'en-GB' : 'id-ID');

export const formatNumber = (value: number, lng = 'id', fractionDigits?: number): string =>
  new Intl.NumberFormat(localeTag(lng), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits ?? 2,
  }).format(value);

export const formatDate = (iso: string, lng = 'id'): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // A calendar date ("2026-12-07") is that day wherever the browser is; an instant is the local day.
  const timeZone = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : undefined;
  return new Intl.DateTimeFormat(localeTag(lng), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
};

export const formatDateTime = (iso: string, lng = 'id'): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeTag(lng), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
};

/** `2025-03-01` from a date input → the start (or end) of that local day as an ISO instant. */
export const dayBoundary = (day: string, end: boolean): string | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};
