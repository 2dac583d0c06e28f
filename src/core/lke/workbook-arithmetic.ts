import { toNumber, type Exact } from '../shared/exact.ts';
import type { LkeAnswer } from './evaluate-answers.ts';
import { scoreAssessment } from './score-assessment.ts';
import type { LkeTemplate } from './template-model.ts';
import { cellRef, columnNumber, type GridCell } from './workbook-grid.ts';
import type { RowKind } from './workbook-layout.ts';
import type { LocatedSheet, MatchedRow } from './workbook-locate.ts';
import { readDecimal, readShare } from './workbook-normalize.ts';
import { CAUSE_TEXT, problem, type ArithmeticCause, type WorkbookProblem } from './workbook-problems.ts';

const TOLERANCE = 1e-6;

/** The regulation's figure for every row the workbook computes, from the workbook's own answers. */
const expectedFigures = (t: LkeTemplate, answers: Record<string, LkeAnswer>): Map<string, Exact | null> => {
  const s = scoreAssessment(t, { answers });
  const m = new Map<string, Exact | null>();
  m.set('TOTAL', s.total.score).set('A', s.pengungkit.score).set('B', s.hasil.score);
  m.set('P', s.pemenuhan.score).set('R', s.reform.score);
  for (const a of s.areas) {
    const def = t.areas.find((x) => x.number === a.number);
    if (!def) continue;
    m.set(def.aspectCode.pemenuhan, a.pemenuhan.score).set(def.aspectCode.reform, a.reform.score);
  }
  for (const sa of s.subAreas) {
    m.set(sa.code, sa.score.score);
    for (const p of sa.parts) m.set(p.code, p.score.score);
  }
  for (const i of s.items) m.set(i.code, i.value);
  // Hasil items are shown in points (value × weight), like their parts.
  for (const h of s.hasilParts) m.set(h.code, h.score.score);
  for (const item of t.items) {
    if (item.type !== 'ratio') continue;
    for (const d of item.derived) {
      const parts = d.sum.map((c) => readDecimal(answers[c] ?? null));
      let total = 0n;
      for (const p of parts) if (p && p.d === 1n) total += p.n;
      m.set(d.code, parts.every((p) => p && p.d === 1n) ? { n: total, d: 1n } : null);
    }
  }
  return m;
};

/** The rows a figure should add up: children in the template's tree. */
const childCodes = (t: LkeTemplate, kind: RowKind, code: string): string[] => {
  switch (kind) {
    case 'total':
      return ['A', 'B'];
    case 'component':
      return code === 'A' ? ['P', 'R'] : t.hasilParts.map((h) => h.code);
    case 'aspect':
      return t.areas.map((a) => a.aspectCode[code === 'P' ? 'pemenuhan' : 'reform']);
    case 'area': {
      const aspect = code.startsWith('P') ? 'pemenuhan' : 'reform';
      const n = t.areas.find((a) => a.aspectCode[aspect] === code)?.number;
      return t.subAreas.filter((s) => s.aspect === aspect && s.area === n).map((s) => s.code);
    }
    case 'subArea': {
      const sa = t.subAreas.find((s) => s.code === code);
      const groups = (sa?.groups ?? []).map((g) => t.groups[g]);
      if (groups.length > 1) return groups.map((g) => g?.code ?? '');
      return (groups[0]?.items ?? []).map((i) => t.items[i]?.code ?? '');
    }
    case 'group':
      return (t.groups.find((g) => g.code === code)?.items ?? []).map((i) => t.items[i]?.code ?? '');
    case 'hasilPart':
      return (t.hasilParts.find((h) => h.code === code)?.items ?? []).map((i) => t.items[i]?.code ?? '');
    case 'item': {
      // A ratio's figure follows its derived denominator, when it has one.
      const item = t.itemByCode.get(code);
      return item?.type === 'ratio' ? item.derived.map((d) => d.code) : [];
    }
    case 'derived': {
      for (const i of t.items)
        if (i.type === 'ratio') {
          const d = i.derived.find((x) => x.code === code);
          if (d) return [...d.sum];
        }
      return [];
    }
    default:
      return [];
  }
};

/** Rows a formula points at on its own sheet (`F12`, `$F$12:F15`); references to other sheets are left out. */
const referencedRows = (formula: string, col: number): number[] => {
  const rows: number[] = [];
  const re = /(!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
  for (const m of formula.toUpperCase().matchAll(re)) {
    if (m[1] || columnNumber(m[2] ?? '') !== col) continue;
    const from = Number(m[3]);
    const to = m[5] ? Number(m[5]) : from;
    for (let r = Math.min(from, to); r <= Math.max(from, to); r += 1) rows.push(r);
  }
  return rows;
};

const fmt = (x: number): string => (Math.round(x * 10000) / 10000).toString().replace('.', ',');

/**
 * The workbook's own arithmetic against the regulation's: every computed figure it shows (cached formula
 * results) compared with the core's figure for the same answers, and for each disagreement the likely cause —
 * a weight changed, a formula typed over with a number, an item counted twice, a formula over the wrong rows.
 * Only root disagreements are listed: a sum that is off because one of its parts is off is not repeated.
 */
export const checkWorkbookArithmetic = (
  t: LkeTemplate,
  located: LocatedSheet,
  answers: Record<string, LkeAnswer>,
): { problems: WorkbookProblem[]; total: { found: number | null; expected: number } } => {
  const { sheet, columns } = located;
  const expected = expectedFigures(t, answers);
  const byCode = new Map(located.matches.map((m) => [m.code, m]));
  const weights = new Map<string, Exact>();
  for (const a of t.areas)
    weights
      .set(a.aspectCode.pemenuhan, a.aspectWeight.pemenuhan)
      .set(a.aspectCode.reform, a.aspectWeight.reform);
  for (const s of t.subAreas) weights.set(s.code, s.weight);
  for (const g of t.groups) if (!weights.has(g.code)) weights.set(g.code, g.weight);
  for (const h of t.hasilParts) weights.set(h.code, h.weight);
  for (const i of t.items) if (i.weight) weights.set(i.code, i.weight);

  // Where each row shows its figure: a ratio item's fraction and a derived sum sit in the answer column.
  const figureCell = (m: MatchedRow): { col: number | undefined; cell: GridCell | undefined } => {
    const ratio = m.kind === 'item' && t.itemByCode.get(m.code)?.type === 'ratio';
    const col = m.kind === 'derived' || ratio ? columns.answer : columns.value;
    return { col, cell: col === undefined ? undefined : m.row.cells.get(col) };
  };
  const readFigure = (m: MatchedRow): number | null => {
    const { cell } = figureCell(m);
    const ratio = m.kind === 'item' && t.itemByCode.get(m.code)?.type === 'ratio';
    const v = ratio ? readShare(cell?.value ?? null) : readDecimal(cell?.value ?? null);
    return v ? toNumber(v) : null;
  };
  const off = new Map<string, boolean>();
  const isOff = (m: MatchedRow): boolean => {
    const cached = off.get(m.code);
    if (cached !== undefined) return cached;
    const e = expected.get(m.code);
    const found = readFigure(m);
    const result =
      e !== undefined && e !== null && found !== null && Math.abs(found - toNumber(e)) > TOLERANCE;
    off.set(m.code, result);
    return result;
  };

  const problems: WorkbookProblem[] = [];
  for (const m of located.matches) {
    if (m.kind === 'input' || !isOff(m)) continue;
    const children = childCodes(t, m.kind, m.code);
    const kids = children.map((c) => byCode.get(c)).filter((x): x is MatchedRow => x !== undefined);
    if (kids.some(isOff)) continue;
    const { col, cell } = figureCell(m);
    const causes: ArithmeticCause[] = [];
    const w = weights.get(m.code);
    const typedWeight =
      columns.weight === undefined ? null : readDecimal(m.row.cells.get(columns.weight)?.value ?? null);
    if (w && typedWeight && Math.abs(toNumber(typedWeight) - toNumber(w)) > TOLERANCE)
      causes.push('weight_changed');
    if (
      cell &&
      cell.formula === undefined &&
      (m.kind !== 'item' || t.itemByCode.get(m.code)?.type === 'ratio')
    )
      causes.push('typed_over');
    if (cell?.formula && children.length > 0) {
      const kidCol = m.kind === 'derived' ? columns.answer : columns.value;
      const rows = referencedRows(cell.formula, kidCol ?? 0).filter((r) => r !== m.row.row);
      const want = kids.map((k) => k.row.row);
      if (rows.length !== new Set(rows).size) causes.push('counted_twice');
      else if (rows.length !== want.length || rows.some((r) => !want.includes(r))) causes.push('wrong_range');
    }
    if (causes.length === 0) causes.push(m.kind === 'item' ? 'answer_value' : 'unknown');
    const e = expected.get(m.code);
    problems.push(
      problem('arithmetic', 'warning', {
        cell: cellRef(sheet.name, m.row.row, col ?? 1),
        item: m.code,
        found: fmt(readFigure(m) ?? 0),
        expected: fmt(e ? toNumber(e) : 0),
        cause: causes.join(','),
        causeText: causes.map((c) => CAUSE_TEXT[c]).join('; '),
        ...(causes.includes('weight_changed') && w && typedWeight
          ? { weight: `${fmt(toNumber(typedWeight))} (regulasi ${fmt(toNumber(w))})` }
          : {}),
      }),
    );
  }
  const totalRow = byCode.get('TOTAL');
  return {
    problems,
    total: {
      found: totalRow ? readFigure(totalRow) : null,
      expected: toNumber(expected.get('TOTAL') ?? { n: 0n, d: 1n }),
    },
  };
};
