/**
 * A spreadsheet as plain data, so that the rules that read an LKE workbook stay pure: the server turns an
 * `.xlsx` into this shape (values, formulas, cached results, hidden rows), the core reads it.
 */
export type GridValue = string | number | boolean | null;
export type GridCell = {
  /** What the cell shows: a typed value, or a formula's cached result (null when it has none). */
  value: GridValue;
  /** The formula without "=", when the cell has one. */
  formula?: string;
  /** An error the cell shows ("#DIV/0!", "#REF!"). */
  error?: string;
};
export type GridRow = { row: number; hidden: boolean; cells: ReadonlyMap<number, GridCell> };
export type GridSheet = { name: string; rows: readonly GridRow[] };
export type Grid = { sheets: readonly GridSheet[] };

/** "A" for 1, "AA" for 27. */
export const columnLetter = (col: number): string => {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** 1 for "A", 27 for "AA". */
export const columnNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);

/** How people name a cell: `LKE!F34`, quoted when the sheet name has spaces (`'LKE ZI'!K8`). */
export const cellRef = (sheet: string, row: number, col: number): string =>
  `${/^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${columnLetter(col)}${row}`;

/** The text a cell shows, trimmed ("" for blank). */
export const cellText = (cell: GridCell | undefined): string => {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  return String(v).trim();
};
