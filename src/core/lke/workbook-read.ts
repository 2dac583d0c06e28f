import type { LkeAnswer } from './evaluate-answers.ts';
import type { LkeTemplate } from './template-model.ts';
import { cellRef, cellText, type GridCell, type GridRow } from './workbook-grid.ts';
import { locateLke, type LocatedSheet } from './workbook-locate.ts';
import { readCountAnswer, readItemAnswer } from './workbook-normalize.ts';
import { problem, type WorkbookProblem } from './workbook-problems.ts';

/** One answer as the workbook gives it, with the cell it came from. */
export type WorkbookAnswer = {
  code: string;
  kind: 'item' | 'input';
  cell: string;
  value: LkeAnswer;
  /** Undefined when the workbook has no explanation column (the current one is kept). */
  explanation?: string;
  evidence: string[];
  links: string[];
  review?: string;
};
export type WorkbookReading = {
  located: LocatedSheet;
  /** Items and count inputs found, in sheet order; an unreadable answer is left out (and is a problem). */
  answers: WorkbookAnswer[];
  problems: WorkbookProblem[];
};

const URL_RE = /https?:\/\/[^\s,;"'<>]+/g;

const splitList = (text: string): string[] =>
  text
    .split(/\r?\n|;/)
    .map((s) => s.replace(/^\s*(\d+[.)]|[-•*])\s*/, '').trim())
    .filter((s) => s !== '' && !/^https?:\/\//i.test(s));

/** A formula's error shown in the cell ("#DIV/0!"), whether the reader kept it apart or as text. */
const errorOf = (cell: GridCell | undefined): string | undefined =>
  cell?.error ??
  (typeof cell?.value === 'string' && /^#[A-Z/0!?]+[!?A]?$/.test(cell.value.trim())
    ? cell.value.trim()
    : undefined);

/**
 * Reads a filled LKE workbook: finds the LKE sheet and its columns, matches rows to items and count inputs by
 * code or text, and reads each answer as people write it ("ya", "Ya ", "a", "12" as text, "3,72"). Every
 * answer that cannot be read is a problem naming its cell; nothing is guessed. Ratio items are computed from
 * their inputs, so their own cell is not an answer (a percentage typed without counts is reported).
 * Null when no sheet looks like an LKE.
 */
export const readLkeWorkbook = (
  t: LkeTemplate,
  grid: Parameters<typeof locateLke>[1],
): WorkbookReading | null => {
  const located = locateLke(t, grid);
  if (!located) return null;
  const { sheet, columns } = located;
  const problems: WorkbookProblem[] = [];
  const answers: WorkbookAnswer[] = [];
  const at = (row: GridRow, col: number | undefined) => (col === undefined ? undefined : row.cells.get(col));
  const ref = (row: GridRow, col: number | undefined) => cellRef(sheet.name, row.row, col ?? 1);
  const answerCol = columns.answer;
  const seen = new Set<string>();

  for (const d of located.duplicates)
    problems.push(
      problem('duplicate_row', 'warning', {
        cell: ref(d.row, answerCol),
        item: d.code,
        other: ref(d.first, answerCol),
      }),
    );

  for (const m of located.matches) {
    if (m.kind !== 'item' && m.kind !== 'input') continue;
    seen.add(m.code);
    const cell = at(m.row, answerCol);
    const where = ref(m.row, answerCol);
    const raw = cell?.value ?? null;
    const extras = () => {
      const explanation =
        columns.explanation === undefined ? undefined : cellText(at(m.row, columns.explanation));
      const evidenceText = cellText(at(m.row, columns.evidence));
      const linkText = `${cellText(at(m.row, columns.links))}\n${evidenceText}`;
      const review = columns.review === undefined ? undefined : cellText(at(m.row, columns.review));
      return {
        ...(explanation === undefined ? {} : { explanation }),
        evidence: splitList(evidenceText),
        links: [...new Set(linkText.match(URL_RE) ?? [])],
        ...(review ? { review } : {}),
      };
    };
    const error = errorOf(cell);
    const item = t.itemByCode.get(m.code);
    if (item?.type === 'ratio') {
      const inputs = item.inputs.filter((i) => i.usedInFormula);
      const typed = cell && cell.formula === undefined && raw !== null && cellText(cell) !== '';
      const noCounts = inputs.every((i) => {
        const r = located.matches.find((x) => x.code === i.code);
        return !r || cellText(at(r.row, answerCol)) === '';
      });
      if (typed && noCounts)
        problems.push(problem('percent_without_counts', 'warning', { cell: where, item: m.code }));
      continue;
    }
    if (error) {
      problems.push(problem('cell_error', 'error', { cell: where, item: m.code, raw: error }));
      continue;
    }
    if (m.kind === 'input') {
      const r = readCountAnswer(raw);
      if (!r.ok)
        problems.push(problem('not_a_count', 'error', { cell: where, item: m.code, raw: cellText(cell) }));
      else answers.push({ code: m.code, kind: 'input', cell: where, value: r.value, ...extras() });
      continue;
    }
    if (!item) continue;
    const r = readItemAnswer(item, raw);
    if (!r.ok) {
      const options = item.type === 'index_0_4' ? '0–4' : item.options.map((o) => o.key).join(', ');
      problems.push(problem(r.problem, 'error', { cell: where, item: m.code, raw: cellText(cell), options }));
    } else answers.push({ code: m.code, kind: 'item', cell: where, value: r.value, ...extras() });
  }

  for (const item of t.items) {
    const codes = item.type === 'ratio' ? item.inputs.map((i) => i.code) : [item.code];
    for (const code of codes)
      if (!seen.has(code))
        problems.push(problem('item_not_found', 'warning', { cell: '', item: code, sheet: sheet.name }));
  }
  return { located, answers, problems };
};
