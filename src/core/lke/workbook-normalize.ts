import { fromDecimal, type Exact } from '../shared/exact.ts';
import type { LkeAnswer } from './evaluate-answers.ts';
import type { GridValue } from './workbook-grid.ts';
import type { ItemDef } from './template-model.ts';

/**
 * Text as compared between a workbook and the template: lower case, accents and punctuation dropped, spaces
 * collapsed. Copies of the LKE differ in exactly these ways ("WBK/WBBM" vs "WBK / WBBM", a double space).
 */
export const matchKey = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The same without spaces: catches words run together by a typo ("telahmenjadi"). */
export const squashKey = (text: string): string => matchKey(text).replace(/ /g, '');

/**
 * A number as people type it in an Indonesian workbook: `3,72` (decimal comma), `3.72`, ` 12 `, `1.234`
 * (thousands, only when the groups are exactly three digits and the value must be whole). Null when not a number.
 */
export const readDecimal = (raw: GridValue, whole = false): Exact | null => {
  if (typeof raw === 'number') return Number.isFinite(raw) ? fromDecimal(String(raw)) : null;
  if (typeof raw !== 'string') return null;
  let t = raw.trim().replace(/\s+/g, '');
  if (t === '') return null;
  if (whole && /^\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return fromDecimal(t);
};

/** A share written 0.9, "0,9", "90%", "90 %" or 90 (a number above 1 is read as percent points). */
export const readShare = (raw: GridValue): Exact | null => {
  if (typeof raw === 'string') {
    const m = /^\s*(-?[\d.,]+)\s*%\s*$/.exec(raw);
    if (m) {
      const v = readDecimal(m[1] ?? '');
      return v ? { n: v.n, d: v.d * 100n } : null;
    }
  }
  const v = readDecimal(raw);
  if (!v) return null;
  return v.n > v.d ? { n: v.n, d: v.d * 100n } : v;
};

/** Why a cell is not an answer of its item, as a stable code. */
export type AnswerProblem = 'not_an_option' | 'not_a_count' | 'index_out_of_range';
export type ReadAnswer = { ok: true; value: LkeAnswer } | { ok: false; problem: AnswerProblem };

const YES: ReadonlySet<string> = new Set(['ya', 'y', 'yes']);
const NO: ReadonlySet<string> = new Set(['tidak', 'tdk', 't', 'no']);

const asNumber = (x: Exact): number => Number(x.n) / Number(x.d);

/**
 * The answer a cell holds for an option item or a survey index, in the form the core takes ("Ya", "B", 3.72),
 * or why it is not one. "ya", "YA", "Ya " read as Ya; "a", "A." as A; a blank cell is no answer.
 */
export const readItemAnswer = (item: ItemDef, raw: GridValue): ReadAnswer => {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  if (item.type === 'index_0_4') {
    const v = readDecimal(raw);
    if (!v || v.n < 0n || v.n * item.scaleMax.d > item.scaleMax.n * v.d)
      return { ok: false, problem: 'index_out_of_range' };
    return { ok: true, value: asNumber(v) };
  }
  if (item.type === 'ratio') return { ok: true, value: null };
  if (typeof raw === 'boolean' && item.type === 'yes_no') return { ok: true, value: raw ? 'Ya' : 'Tidak' };
  const t = String(raw).trim().replace(/[.)]$/, '').trim();
  if (item.type === 'yes_no') {
    const k = t.toLowerCase();
    if (YES.has(k)) return { ok: true, value: 'Ya' };
    if (NO.has(k)) return { ok: true, value: 'Tidak' };
    return { ok: false, problem: 'not_an_option' };
  }
  const key = t.toUpperCase();
  return item.options.some((o) => o.key === key)
    ? { ok: true, value: key }
    : { ok: false, problem: 'not_an_option' };
};

/** A count input: a whole number 0 or more, typed as a number or as text ("12", "1.234", "3,0"). */
export const readCountAnswer = (raw: GridValue): ReadAnswer => {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  const v = readDecimal(raw, true);
  if (!v || v.d !== 1n || v.n < 0n || v.n > BigInt(Number.MAX_SAFE_INTEGER))
    return { ok: false, problem: 'not_a_count' };
  return { ok: true, value: Number(v.n) };
};

/**
 * One answer in its canonical form, to compare what Pulau holds with what a workbook says: option keys in
 * their template spelling, numbers as exact decimals. Null for blank.
 */
export const canonicalAnswer = (item: ItemDef | undefined, value: LkeAnswer): string | null => {
  if (value === null) return null;
  if (item && item.type !== 'ratio' && item.type !== 'index_0_4') {
    const r = readItemAnswer(item, value);
    return r.ok && r.value !== null ? String(r.value) : String(value);
  }
  const v = readDecimal(value);
  return v ? `${v.n}/${v.d}` : String(value);
};
