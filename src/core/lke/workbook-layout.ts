import { toNumber, type Exact } from '../shared/exact.ts';
import type { LkeAnswer } from './evaluate-answers.ts';
import { scoreAssessment, type LkeScore } from './score-assessment.ts';
import type { ItemDef, LkeTemplate, RatioItemDef } from './template-model.ts';
import { columnLetter, type GridValue } from './workbook-grid.ts';
import { readCountAnswer } from './workbook-normalize.ts';

/** The columns of Pulau's LKE sheet; the headers are the regulation's (Lampiran III) plus the workbook's own. */
export type LayoutColumn =
  | 'code'
  | 'text'
  | 'weight'
  | 'type'
  | 'answer'
  | 'value'
  | 'percent'
  | 'explanation'
  | 'evidence'
  | 'links'
  | 'review';
export const LAYOUT_HEADERS: Record<LayoutColumn, string> = {
  code: 'Kode',
  text: 'Komponen / Penilaian',
  weight: 'Bobot',
  type: 'Pilihan Jawaban',
  answer: 'Jawaban',
  value: 'Nilai',
  percent: '%',
  explanation: 'Catatan/Keterangan/Penjelasan',
  evidence: 'Data Dukung',
  links: 'Tautan Data Dukung',
  review: 'Catatan Reviu',
};
const DEFAULT_ORDER: LayoutColumn[] = Object.keys(LAYOUT_HEADERS) as LayoutColumn[];

export type RowKind =
  | 'total'
  | 'component'
  | 'aspect'
  | 'area'
  | 'subArea'
  | 'group'
  | 'item'
  | 'input'
  | 'derived'
  | 'hasilPart';
export type LayoutCell = { value: GridValue; formula?: string; format?: 'percent' | 'decimal' | 'wrap' };
export type LayoutRow = {
  row: number;
  kind: RowKind;
  code: string;
  depth: number;
  cells: Map<number, LayoutCell>;
};
export type LkeLayout = {
  sheet: string;
  columns: Record<LayoutColumn, number>;
  headerRow: number;
  title: string[];
  rows: LayoutRow[];
};

export type LayoutData = {
  answers: Readonly<Record<string, LkeAnswer>>;
  explanations?: Readonly<Record<string, string>>;
  evidence?: Readonly<Record<string, readonly string[]>>;
  links?: Readonly<Record<string, readonly string[]>>;
  review?: Readonly<Record<string, string>>;
  /** Lines above the header: unit, period, level, date. */
  heading?: readonly string[];
};
export type LayoutOptions = {
  sheet?: string;
  /** Column number per column; the default puts them in LAYOUT_HEADERS order from A. */
  columns?: Partial<Record<LayoutColumn, number>>;
  /** An empty row after every n rows (copies of the LKE often have them). */
  blankEvery?: number;
};

/** "Ya/Tidak", "A/B/C", "%", "Jumlah", "Nilai (0-4)": the workbook's answer-type column. */
export const answerTypeText = (item: ItemDef): string =>
  item.type === 'ratio'
    ? '%'
    : item.type === 'index_0_4'
      ? 'Nilai (0-4)'
      : item.options.map((o) => o.key).join('/');

const num = (x: Exact): string => String(toNumber(x));
const cached = (x: Exact | null | undefined): GridValue => (x ? toNumber(x) : '');

type Pending = { kind: RowKind; code: string; depth: number; text: string; weight?: Exact; item?: ItemDef };

/** Rows in sheet order: total, Pengungkit, each aspect's areas, sub-areas and items, then Hasil. */
const plan = (t: LkeTemplate): Pending[] => {
  const out: Pending[] = [];
  out.push({
    kind: 'total',
    code: 'TOTAL',
    depth: 0,
    text: 'NILAI EVALUASI ZONA INTEGRITAS',
    weight: t.weights.total,
  });
  out.push({
    kind: 'component',
    code: 'A',
    depth: 0,
    text: `A. ${t.names.pengungkit.toUpperCase()}`,
    weight: t.weights.pengungkit,
  });
  (['pemenuhan', 'reform'] as const).forEach((aspect, ai) => {
    out.push({
      kind: 'aspect',
      code: aspect === 'pemenuhan' ? 'P' : 'R',
      depth: 1,
      text: `${ai === 0 ? 'I' : 'II'}. ${t.names[aspect].toUpperCase()}`,
      weight: t.weights[aspect],
    });
    for (const area of t.areas) {
      out.push({
        kind: 'area',
        code: area.aspectCode[aspect],
        depth: 2,
        text: area.name,
        weight: area.aspectWeight[aspect],
      });
      for (const sa of t.subAreas) {
        if (sa.aspect !== aspect || sa.area !== area.number) continue;
        out.push({ kind: 'subArea', code: sa.code, depth: 3, text: sa.name, weight: sa.weight });
        const multi = sa.groups.length > 1;
        for (const gi of sa.groups) {
          const g = t.groups[gi];
          if (!g) continue;
          if (multi) out.push({ kind: 'group', code: g.code, depth: 4, text: g.name, weight: g.weight });
          for (const ii of g.items) {
            const item = t.items[ii];
            if (!item) continue;
            out.push({ kind: 'item', code: item.code, depth: multi ? 5 : 4, text: item.text, item });
            if (item.type === 'ratio') out.push(...inputRows(item, multi ? 6 : 5));
          }
        }
      }
    }
  });
  out.push({
    kind: 'component',
    code: 'B',
    depth: 0,
    text: `B. ${t.names.hasil.toUpperCase()}`,
    weight: t.weights.hasil,
  });
  for (const p of t.hasilParts) {
    out.push({ kind: 'hasilPart', code: p.code, depth: 1, text: p.name, weight: p.weight });
    for (const ii of p.items) {
      const item = t.items[ii];
      if (item)
        out.push({
          kind: 'item',
          code: item.code,
          depth: 2,
          text: item.text,
          item,
          ...(item.weight ? { weight: item.weight } : {}),
        });
    }
  }
  return out;
};

/** A ratio item's inputs; a derived sum (a denominator made of parts) just before its first part. */
const inputRows = (item: RatioItemDef, depth: number): Pending[] => {
  const out: Pending[] = [];
  for (const input of item.inputs) {
    for (const d of item.derived)
      if (d.sum[0] === input.code) out.push({ kind: 'derived', code: d.code, depth, text: d.text, item });
    out.push({ kind: 'input', code: input.code, depth, text: input.text, item });
  }
  return out;
};

/**
 * The LKE sheet of an assessment as cells: the regulation's columns, a row per total, component, aspect, area,
 * sub-area, item and count input, each score as a live formula over the answers (so Excel and LibreOffice
 * recalculate) with the core's figure as its cached result (so a viewer that does not recalculate shows it).
 * The formulas are the official workbook's (Lampiran III, §3.2–3.3 of the reference) with the template's
 * choices for zero denominators.
 */
export const buildLkeLayout = (t: LkeTemplate, data: LayoutData, options: LayoutOptions = {}): LkeLayout => {
  const columns = {
    ...Object.fromEntries(DEFAULT_ORDER.map((c, i) => [c, i + 1])),
    ...options.columns,
  } as Record<LayoutColumn, number>;
  const L = (c: LayoutColumn) => columnLetter(columns[c]);
  const title = ['LEMBAR KERJA EVALUASI ZONA INTEGRITAS', t.title, ...(data.heading ?? [])];
  const headerRow = title.length + 2;
  const score: LkeScore = scoreAssessment(t, { answers: data.answers });
  const pending = plan(t);

  // First pass: row numbers, so formulas can point at rows further down.
  const rowOf = new Map<string, number>();
  let r = headerRow;
  const numbered = pending.map((p, i) => {
    r += 1;
    if (options.blankEvery && i > 0 && i % options.blankEvery === 0) r += 1;
    rowOf.set(`${p.kind}:${p.code}`, r);
    return { ...p, row: r };
  });
  const at = (kind: RowKind, code: string) => rowOf.get(`${kind}:${code}`) ?? 0;
  const ref = (col: LayoutColumn, row: number) => `${L(col)}${row}`;
  const itemValueRow = (code: string) => at('item', code);

  const subScore = new Map(score.subAreas.map((s) => [s.code, s]));
  const groupScore = new Map(
    score.subAreas.flatMap((s) => s.parts.map((p) => [p.code, p.score.score] as const)),
  );
  const hasilScore = new Map(score.hasilParts.map((h) => [h.code, h.score.score]));
  const itemValue = new Map(score.items.map((i) => [i.code, i.value]));
  const areaScore = (code: string) => {
    const aspect = code.startsWith('P') ? 'pemenuhan' : 'reform';
    const a = score.areas.find(
      (x) => t.areas.find((y) => y.number === x.number)?.aspectCode[aspect] === code,
    );
    return a?.[aspect].score;
  };

  const rows: LayoutRow[] = numbered.map((p) => {
    const cells = new Map<number, LayoutCell>();
    const put = (c: LayoutColumn, cell: LayoutCell) => cells.set(columns[c], cell);
    const row = p.row;
    const isItem = p.kind === 'item' || p.kind === 'input' || p.kind === 'derived';
    put('code', { value: p.code === 'TOTAL' ? '' : p.code });
    put('text', { value: p.text, format: 'wrap' });
    if (p.weight) put('weight', { value: toNumber(p.weight), format: 'decimal' });
    const sumOf = (refs: string[]) => (refs.length === 0 ? '0' : `SUM(${refs.join(',')})`);
    const setScore = (formula: string, value: Exact | undefined) => {
      put('value', { formula, value: cached(value), format: 'decimal' });
      put('percent', {
        formula: `IFERROR(${ref('value', row)}/${ref('weight', row)},"")`,
        value: value && p.weight && p.weight.n !== 0n ? toNumber(value) / toNumber(p.weight) : '',
        format: 'percent',
      });
    };
    const childrenOf = (kind: RowKind, codes: string[]) => codes.map((c) => ref('value', at(kind, c)));
    switch (p.kind) {
      case 'total':
        setScore(
          sumOf([ref('value', at('component', 'A')), ref('value', at('component', 'B'))]),
          score.total.score,
        );
        break;
      case 'component':
        if (p.code === 'A')
          setScore(
            sumOf([ref('value', at('aspect', 'P')), ref('value', at('aspect', 'R'))]),
            score.pengungkit.score,
          );
        else
          setScore(
            sumOf(
              childrenOf(
                'hasilPart',
                t.hasilParts.map((h) => h.code),
              ),
            ),
            score.hasil.score,
          );
        break;
      case 'aspect': {
        const aspect = p.code === 'P' ? 'pemenuhan' : 'reform';
        setScore(
          sumOf(
            childrenOf(
              'area',
              t.areas.map((a) => a.aspectCode[aspect]),
            ),
          ),
          score[aspect].score,
        );
        break;
      }
      case 'area': {
        const aspect = p.code.startsWith('P') ? 'pemenuhan' : 'reform';
        const number = t.areas.find((a) => a.aspectCode[aspect] === p.code)?.number;
        const subs = t.subAreas.filter((s) => s.aspect === aspect && s.area === number).map((s) => s.code);
        setScore(sumOf(childrenOf('subArea', subs)), areaScore(p.code));
        break;
      }
      case 'subArea': {
        const sa = t.subAreas.find((s) => s.code === p.code);
        const groups = (sa?.groups ?? []).map((g) => t.groups[g]);
        if (groups.length > 1)
          setScore(
            sumOf(
              childrenOf(
                'group',
                groups.map((g) => g?.code ?? ''),
              ),
            ),
            subScore.get(p.code)?.score.score,
          );
        else {
          const items = (groups[0]?.items ?? []).map((i) =>
            ref('value', itemValueRow(t.items[i]?.code ?? '')),
          );
          setScore(
            `IFERROR(AVERAGE(${items.join(',')})*${ref('weight', row)},0)`,
            subScore.get(p.code)?.score.score,
          );
        }
        break;
      }
      case 'group': {
        const g = t.groups.find((x) => x.code === p.code);
        const items = (g?.items ?? []).map((i) => ref('value', itemValueRow(t.items[i]?.code ?? '')));
        setScore(`IFERROR(AVERAGE(${items.join(',')})*${ref('weight', row)},0)`, groupScore.get(p.code));
        break;
      }
      case 'hasilPart': {
        const part = t.hasilParts.find((h) => h.code === p.code);
        setScore(
          sumOf((part?.items ?? []).map((i) => ref('value', itemValueRow(t.items[i]?.code ?? '')))),
          hasilScore.get(p.code),
        );
        break;
      }
      case 'item':
        if (p.item) itemCells(p.item, row);
        break;
      case 'input':
      case 'derived':
        put('type', { value: 'Jumlah' });
        if (p.kind === 'input') {
          const v = readCountAnswer(data.answers[p.code] ?? null);
          put('answer', { value: v.ok && v.value !== null ? v.value : (data.answers[p.code] ?? '') });
        } else {
          const d = (p.item as RatioItemDef).derived.find((x) => x.code === p.code);
          const parts = (d?.sum ?? []).map((c) => ref('answer', at('input', c)));
          const given = (d?.sum ?? []).map((c) => readCountAnswer(data.answers[c] ?? null));
          const all = given.every((g) => g.ok && g.value !== null);
          put('answer', {
            formula: `IF(COUNT(${parts.join(',')})<${parts.length},"",SUM(${parts.join(',')}))`,
            value: all ? given.reduce((s, g) => s + (g.ok ? Number(g.value) : 0), 0) : '',
          });
        }
        break;
    }
    if (isItem) {
      const text = (m: Readonly<Record<string, string>> | undefined) => m?.[p.code] ?? '';
      const list = (m: Readonly<Record<string, readonly string[]>> | undefined) =>
        (m?.[p.code] ?? []).join('\n');
      if (text(data.explanations)) put('explanation', { value: text(data.explanations), format: 'wrap' });
      if (list(data.evidence)) put('evidence', { value: list(data.evidence), format: 'wrap' });
      if (list(data.links)) put('links', { value: list(data.links), format: 'wrap' });
      if (text(data.review)) put('review', { value: text(data.review), format: 'wrap' });
    }
    return { row, kind: p.kind, code: p.code, depth: p.depth, cells };

    function itemCells(item: ItemDef, row: number) {
      put('type', { value: answerTypeText(item) });
      const ans = ref('answer', row);
      const v = itemValue.get(item.code) ?? null;
      if (item.type === 'ratio') {
        const cell = (c: string) => {
          const derived = item.derived.find((d) => d.code === c);
          return ref('answer', derived ? at('derived', c) : at('input', c));
        };
        const f = item.formula;
        const used = item.inputs
          .filter((i) => i.usedInFormula)
          .map((i) => ref('answer', at('input', i.code)));
        const guard = `COUNT(${used.join(',')})<${used.length}`;
        const ch = t.choices;
        let formula: string;
        if (f.kind === 'ratio') {
          const den = item.derived.find(
            (d) => d.sum.length === f.denominator.length && d.sum.every((c) => f.denominator.includes(c)),
          );
          const n = `SUM(${f.numerator.map(cell).join(',')})`;
          const d = den ? cell(den.code) : `SUM(${f.denominator.map(cell).join(',')})`;
          // A positive count over 0 is refused by the core (ratio_positive_over_zero): blank, like an unanswered item.
          formula = `IF(${guard},"",IF(${d}=0,IF(${n}=0,${num(ch.zeroOverZero)},""),MIN(1,${n}/${d})))`;
        } else {
          const prev = cell(f.previous);
          const now = cell(f.current);
          formula = `IF(${guard},"",IF(${prev}=0,IF(${now}=0,${num(ch.zeroOverZero)},${num(ch.decreaseFromZero)}),MAX(0,(${prev}-${now})/${prev})))`;
        }
        put('answer', { formula, value: cached(v), format: 'percent' });
        put('value', { formula: `IF(${ans}="","",${ans})`, value: cached(v), format: 'decimal' });
        return;
      }
      const raw = data.answers[item.code] ?? null;
      put('answer', { value: raw === null ? '' : raw });
      const weight = item.weight ? `*${ref('weight', row)}` : '';
      if (item.type === 'index_0_4') {
        put('value', {
          formula: `IF(${ans}="","",${ans}/${num(item.scaleMax)}${weight})`,
          value: cached(
            item.weight ? (hasilScore.get(item.code) && v ? hasilScore.get(item.code) : null) : v,
          ),
          format: 'decimal',
        });
        return;
      }
      const nested = item.options.reduceRight(
        (inner, o) => `IF(${ans}="${o.key}",${num(o.value)},${inner})`,
        '""',
      );
      const points = item.weight && v ? hasilScore.get(item.code) : v;
      put('value', {
        formula: weight ? `IFERROR(${nested}${weight},"")` : nested,
        value: cached(points),
        format: 'decimal',
      });
    }
  });
  return { sheet: options.sheet ?? 'LKE', columns, headerRow, title, rows };
};
