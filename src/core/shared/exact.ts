/**
 * Exact rational numbers for figures with legal weight (scores, weights, thresholds).
 * Floating point never decides a threshold: 0,67 is 67/100, a mean is a true fraction, and 75 compares equal to 75.
 * Numbers become doubles or Indonesian decimal strings only at the edge (`toNumber`, `formatId`).
 */
export type Exact = { readonly n: bigint; readonly d: bigint };

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
};

const make = (n: bigint, d: bigint): Exact => {
  if (d === 0n) throw new RangeError('exact: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
};

export const ZERO: Exact = { n: 0n, d: 1n };
export const ONE: Exact = { n: 1n, d: 1n };

/**
 * A fraction from integers.
 * @example ratio(2, 3) // { n: 2n, d: 3n }
 */
export const ratio = (n: bigint | number, d: bigint | number = 1n): Exact => {
  if (typeof n === 'number' && !Number.isSafeInteger(n))
    throw new RangeError(`exact: ${n} is not a safe integer`);
  if (typeof d === 'number' && !Number.isSafeInteger(d))
    throw new RangeError(`exact: ${d} is not a safe integer`);
  return make(BigInt(n), BigInt(d));
};

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact value of a decimal literal. A JS number is read through its shortest round-trip string, so the
 * YAML or JSON literal `0.67` becomes exactly 67/100, never the binary double nearest to it.
 * Accepts the Indonesian comma too ("0,67"). Returns null for anything that is not a finite decimal.
 * @example fromDecimal(0.67) // { n: 67n, d: 100n }
 */
export const fromDecimal = (x: number | string): Exact | null => {
  if (typeof x === 'number' && !Number.isFinite(x)) return null;
  const s = typeof x === 'number' ? String(x) : x.trim().replace(',', '.');
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const [, sign = '', int = '0', frac = '', expText = '0'] = m;
  const exp = Number(expText) - frac.length;
  if (Math.abs(exp) > 400) return null;
  let n = BigInt(int + frac);
  if (sign === '-') n = -n;
  return exp >= 0 ? make(n * 10n ** BigInt(exp), 1n) : make(n, 10n ** BigInt(-exp));
};

export const add = (a: Exact, b: Exact): Exact =>
  a.d === b.d ? make(a.n + b.n, a.d) : make(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Exact, b: Exact): Exact =>
  a.d === b.d ? make(a.n - b.n, a.d) : make(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Exact, b: Exact): Exact => make(a.n * b.n, a.d * b.d);
export const div = (a: Exact, b: Exact): Exact => make(a.n * b.d, a.d * b.n);
/** -1, 0 or 1, exactly. */
export const cmp = (a: Exact, b: Exact): -1 | 0 | 1 => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const eq = (a: Exact, b: Exact): boolean => a.n === b.n && a.d === b.d;
export const gte = (a: Exact, b: Exact): boolean => cmp(a, b) >= 0;
export const min = (a: Exact, b: Exact): Exact => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Exact, b: Exact): Exact => (cmp(a, b) >= 0 ? a : b);
export const sum = (xs: readonly Exact[]): Exact => xs.reduce(add, ZERO);

/** The nearest double, for JSON output and charts; never for a comparison. */
export const toNumber = (x: Exact): number => {
  if (x.d === 1n) return Number(x.n);
  const q = Number(x.n) / Number(x.d);
  if (Number.isFinite(q)) return q;
  // Huge operands: scale down first so the division stays finite.
  const shift = BigInt(Math.max(x.n.toString(2).length, x.d.toString(2).length) - 1000);
  return Number(x.n >> shift) / Number(x.d >> shift);
};

/** Exact decimal text with a dot, rounded half away from zero; for machine output. */
export const toFixed = (x: Exact, digits: number): string => {
  const scale = 10n ** BigInt(digits);
  const neg = x.n < 0n;
  const absN = neg ? -x.n : x.n;
  const scaled = (absN * scale * 2n + x.d) / (2n * x.d);
  const text = scaled.toString().padStart(digits + 1, '0');
  const int = text.slice(0, text.length - digits);
  const frac = text.slice(text.length - digits);
  const body = digits > 0 ? `${int}.${frac}` : int;
  return neg && scaled !== 0n ? `-${body}` : body;
};

/**
 * Indonesian display: decimal comma, dot as thousands separator.
 * @example formatId(ratio(367, 100)) // "3,67"
 */
export const formatId = (x: Exact, digits = 2): string => {
  const [int = '0', frac] = toFixed(x, digits).split('.');
  const neg = int.startsWith('-');
  const digitsOnly = neg ? int.slice(1) : int;
  const grouped = digitsOnly.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${grouped}${frac === undefined ? '' : `,${frac}`}`;
};

/**
 * The scaled integer of `x` rounded half away from zero at `digits` places, for rules that grade on rounded
 * figures (the IKM's mutu intervals).
 * @example roundHalfUp(ratio(76605, 1000), 2) // 7661n
 */
export const roundHalfUp = (x: Exact, digits: number): bigint => {
  const scale = 10n ** BigInt(digits);
  const absN = x.n < 0n ? -x.n : x.n;
  const q = (absN * scale * 2n + x.d) / (2n * x.d);
  return x.n < 0n ? -q : q;
};
