import type { LkeTemplate, RatioItemDef } from './template-model.ts';
import { cellText, type GridRow, type GridSheet, type Grid } from './workbook-grid.ts';
import type { LayoutColumn, RowKind } from './workbook-layout.ts';
import { matchKey, squashKey } from './workbook-normalize.ts';

export type WorkbookColumns = Partial<Record<LayoutColumn, number>>;
export type MatchedRow = { kind: RowKind; code: string; row: GridRow };
export type LocatedSheet = {
  sheet: GridSheet;
  headerRow: number;
  columns: WorkbookColumns;
  /** Rows matched to the template, in sheet order; the first of duplicates only. */
  matches: MatchedRow[];
  /** A code matched again further down (a stale copy, a hidden old row): the row and the first one. */
  duplicates: { code: string; row: GridRow; first: GridRow }[];
  itemCount: number;
};

const REVIEW = /\b(reviu|review|tpi|tpn|evaluator|penilai|eval)\b/;

/** What a header cell names; the regulation's headers and those of the copies in circulation. */
const columnOf = (raw: string): LayoutColumn | null => {
  if (raw.trim() === '%') return 'percent';
  const k = matchKey(raw);
  if (k === '') return null;
  if (/^(kode|kode butir|kode item)$/.test(k)) return 'code';
  if (k.includes('pilihan jawaban')) return 'type';
  if (/^jawaban( unit( kerja)?)?$/.test(k)) return 'answer';
  if (/^nilai( unit( kerja)?)?$/.test(k)) return 'value';
  if (k.startsWith('bobot')) return 'weight';
  if (/(tautan|link|url)/.test(k)) return 'links';
  if (/(data dukung|bukti dukung|eviden)/.test(k)) return 'evidence';
  if (k.includes('catatan') && REVIEW.test(k)) return 'review';
  if (k.includes('catatan') || k === 'keterangan' || k === 'narasi') return 'explanation';
  if (/(penilaian|komponen|kriteria|uraian|pertanyaan)/.test(k)) return 'text';
  return null;
};

/** The header: the first row (of the first 40) with a "Jawaban" column; a two-row header adds the row above. */
const findHeader = (sheet: GridSheet): { headerRow: number; columns: WorkbookColumns } | null => {
  const rows = sheet.rows.slice(0, 40);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    if (!row) continue;
    const columns: WorkbookColumns = {};
    const read = (r: GridRow) => {
      for (const [col, cell] of [...r.cells.entries()].sort((a, b) => a[0] - b[0])) {
        const c = columnOf(cellText(cell));
        if (c && columns[c] === undefined) columns[c] = col;
      }
    };
    read(row);
    if (columns.answer === undefined) continue;
    const above = rows[i - 1];
    if (above && above.row === row.row - 1) read(above);
    return { headerRow: row.row, columns };
  }
  return null;
};

type Index = Map<string, { kind: RowKind; code: string }[]>;

const addTo = (index: Index, text: string, entry: { kind: RowKind; code: string }) => {
  const k = squashKey(text);
  if (k === '') return;
  index.set(k, [...(index.get(k) ?? []), entry]);
};

/** Template texts to codes. Items whose text repeats are taken in template order. */
const buildIndex = (t: LkeTemplate): Index => {
  const index: Index = new Map();
  addTo(index, 'NILAI EVALUASI ZONA INTEGRITAS', { kind: 'total', code: 'TOTAL' });
  addTo(index, t.names.pengungkit, { kind: 'component', code: 'A' });
  addTo(index, t.names.hasil, { kind: 'component', code: 'B' });
  addTo(index, t.names.pemenuhan, { kind: 'aspect', code: 'P' });
  addTo(index, t.names.reform, { kind: 'aspect', code: 'R' });
  for (const a of t.areas) {
    addTo(index, a.name, { kind: 'area', code: a.aspectCode.pemenuhan });
    addTo(index, a.name, { kind: 'area', code: a.aspectCode.reform });
  }
  for (const s of t.subAreas) addTo(index, s.name, { kind: 'subArea', code: s.code });
  for (const g of t.groups)
    if (g.code.split('.').length > 2) addTo(index, g.name, { kind: 'group', code: g.code });
  for (const p of t.hasilParts) addTo(index, p.name, { kind: 'hasilPart', code: p.code });
  for (const i of t.items) addTo(index, i.text, { kind: 'item', code: i.code });
  return index;
};

const words = (k: string) => new Set(k.split(' ').filter((w) => w.length > 0));
/** Word overlap (Dice): 1 for the same words, tolerant of a typo or a word added in one copy. */
const similarity = (a: string, b: string): number => {
  const x = words(a);
  const y = words(b);
  let common = 0;
  for (const w of x) if (y.has(w)) common += 1;
  return (2 * common) / (x.size + y.size || 1);
};

const codeKinds = (t: LkeTemplate): Map<string, RowKind> => {
  const m = new Map<string, RowKind>();
  m.set('A', 'component').set('B', 'component').set('P', 'aspect').set('R', 'aspect');
  for (const a of t.areas) m.set(a.aspectCode.pemenuhan, 'area').set(a.aspectCode.reform, 'area');
  for (const s of t.subAreas) m.set(s.code, 'subArea');
  for (const g of t.groups) if (!m.has(g.code)) m.set(g.code, 'group');
  for (const p of t.hasilParts) m.set(p.code, 'hasilPart');
  for (const i of t.items) {
    m.set(i.code, 'item');
    if (i.type === 'ratio') {
      for (const inp of i.inputs) m.set(inp.code, 'input');
      for (const d of i.derived) m.set(d.code, 'derived');
    }
  }
  return m;
};

/** Matches every row of one sheet to the template: by code when a cell holds one, else by text. */
const matchSheet = (t: LkeTemplate, sheet: GridSheet, headerRow: number, columns: WorkbookColumns) => {
  const index = buildIndex(t);
  const kinds = codeKinds(t);
  const itemKeys = t.items.map((i) => ({ code: i.code, key: matchKey(i.text) }));
  const taken = new Map<string, GridRow>();
  const matches: MatchedRow[] = [];
  const duplicates: LocatedSheet['duplicates'] = [];
  const answerCols = new Set([
    columns.answer,
    columns.value,
    columns.percent,
    columns.weight,
    columns.explanation,
    columns.evidence,
    columns.links,
    columns.review,
  ]);
  let aspect: 'P' | 'R' | null = null;
  let ratio: RatioItemDef | null = null;

  const take = (kind: RowKind, code: string, row: GridRow) => {
    const first = taken.get(code);
    if (first) {
      duplicates.push({ code, row, first });
      return;
    }
    taken.set(code, row);
    matches.push({ kind, code, row });
    if (kind === 'aspect') aspect = code === 'P' ? 'P' : 'R';
    if (kind === 'item') {
      const item = t.itemByCode.get(code);
      ratio = item?.type === 'ratio' ? item : null;
    } else if (kind !== 'input' && kind !== 'derived') ratio = null;
  };

  for (const row of sheet.rows) {
    if (row.row <= headerRow) continue;
    const byCode = columns.code === undefined ? '' : cellText(row.cells.get(columns.code));
    const kind = kinds.get(byCode);
    if (kind) {
      take(kind, byCode, row);
      continue;
    }
    const texts = [...row.cells.entries()]
      .filter(([col, c]) => !answerCols.has(col) && typeof c.value === 'string' && c.value.trim() !== '')
      .map(([, c]) => String(c.value))
      .sort((a, b) => b.length - a.length);
    let found: { kind: RowKind; code: string } | undefined;
    for (const text of texts) {
      // "I. PEMENUHAN", "a. Unit kerja …": the numbering is not part of the name.
      const key = squashKey(text.replace(/^\s*([a-z]|[ivx]+|\d+)[.)]\s+/i, ''));
      const current = ratio as RatioItemDef | null;
      if (current) {
        const input =
          current.inputs.find((i) => squashKey(i.text) === key && !taken.has(i.code)) ??
          current.derived.find((d) => squashKey(d.text) === key && !taken.has(d.code));
        if (input) {
          found = { kind: 'sum' in input ? 'derived' : 'input', code: input.code };
          break;
        }
      }
      const candidates = index.get(key) ?? [];
      found =
        candidates.find((c) => c.kind === 'area' && c.code.startsWith(aspect ?? 'P') && !taken.has(c.code)) ??
        candidates.find((c) => c.kind !== 'area' && !taken.has(c.code)) ??
        candidates.find((c) => c.kind !== 'area');
      if (found) break;
      const k = matchKey(text);
      if (k.split(' ').length < 5) continue;
      // A copy with a typo or a reworded phrase: the closest unmatched item, when clearly closest.
      const scored = itemKeys
        .filter((i) => !taken.has(i.code))
        .map((i) => ({ code: i.code, s: similarity(k, i.key) }))
        .sort((a, b) => b.s - a.s);
      const [best, next] = scored;
      if (best && best.s >= 0.8 && (!next || best.s - next.s >= 0.1)) {
        found = { kind: 'item', code: best.code };
        break;
      }
    }
    if (found) take(found.kind, found.code, row);
  }
  return { matches, duplicates, itemCount: matches.filter((m) => m.kind === 'item').length };
};

/**
 * Finds the LKE in a workbook: of the sheets with a "Jawaban" header, the one whose rows match the most items.
 * Null when no sheet looks like an LKE (fewer than a tenth of the items found).
 */
export const locateLke = (t: LkeTemplate, grid: Grid): LocatedSheet | null => {
  let best: LocatedSheet | null = null;
  for (const sheet of grid.sheets) {
    const header = findHeader(sheet);
    if (!header) continue;
    const m = matchSheet(t, sheet, header.headerRow, header.columns);
    if (!best || m.itemCount > best.itemCount) best = { sheet, ...header, ...m };
  }
  return best && best.itemCount >= Math.max(1, Math.ceil(t.items.length / 10)) ? best : null;
};
