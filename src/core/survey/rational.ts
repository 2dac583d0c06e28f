/**
 * Exact non-negative-or-negative rationals over BigInt. Survey inputs are integer sums, so indices that
 * decide a legal grade (IKM mutu, IPAK ≥ 3,60) are computed and rounded exactly, never in floating point.
 */
export type Rational = { readonly n: bigint; readonly d: bigint };

const abs = (x: bigint) => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  let [nn, dd] = [BigInt(n), BigInt(d)];
  if (dd === 0n) throw new RangeError('zero denominator');
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);

export const toNumber = (r: Rational): number => Number(r.n) / Number(r.d);

/**
 * Scaled integer of `r` rounded half away from zero at `decimals` places: roundHalfUp(76605/1000, 2) = 7661n.
 * @example roundHalfUp(rational(7660499, 100000), 2) // 7660n — 76,60499 stays in C
 */
export function roundHalfUp(r: Rational, decimals: number): bigint {
  const scale = 10n ** BigInt(decimals);
  const num = abs(r.n) * scale * 2n + r.d;
  const q = num / (2n * r.d);
  return r.n < 0n ? -q : q;
}
