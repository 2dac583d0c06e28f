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

export const showValue = (value: unknown): string => {
  if (value === undefined) return '';
  if (value === null) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};
