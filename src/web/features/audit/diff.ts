/** One changed leaf between two JSON values, by dotted path. */
export type DiffRow = {
  path: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed';
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const flatten = (value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> => {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (value !== undefined) {
    into.set(prefix, value);
  }
  return into;
};

/** What changed from `before` to `after`; arrays compare as wholes (grants, lists). */
export const diffValues = (before: unknown, after: unknown): DiffRow[] => {
  const a = flatten(before ?? undefined, '', new Map());
  const b = flatten(after ?? undefined, '', new Map());
  const rows: DiffRow[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const had = a.has(path);
    const has = b.has(path);
    const left = a.get(path);
    const right = b.get(path);
    if (had && has && JSON.stringify(left) === JSON.stringify(right)) continue;
    rows.push({
      path: path || '·',
      before: left,
      after: right,
      kind: !had ? 'added' : !has ? 'removed' : 'changed',
    });
  }
  return rows;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** How a value of the log reads: words for yes/no and empty, dates as dates, no JSON and no internal ids. */
export type ValueWords = {
  yes: string;
  no: string;
  empty: string;
  reference: string;
  entries: (n: number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  number: (n: number) => string;
};

export const showValue = (value: unknown, words?: ValueWords): string => {
  if (value === undefined) return '';
  if (!words) return value === null ? '∅' : typeof value === 'string' ? value : JSON.stringify(value);
  if (value === null || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return words.number(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return words.reference;
    if (INSTANT.test(value)) return words.dateTime(value);
    if (DAY.test(value)) return words.date(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)))
      return value.length === 0 ? words.empty : value.map((v) => showValue(v, words)).join(', ');
    return words.entries(value.length);
  }
  return words.entries(Object.keys(value as object).length);
};

/** A field's path as words when the catalogue has no name for it: `assessmentId` → "assessment id". */
export const humanisePath = (path: string): string =>
  (path.split('.').pop() ?? path)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
