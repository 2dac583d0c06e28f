// Test-only: LKE workbooks as grids, built from the template's layout and then spoiled the ways copies are.
import type { Grid, GridCell, GridRow, GridSheet } from './workbook-grid.ts';
import type { LkeLayout } from './workbook-layout.ts';

/** The layout as a workbook reader would see it: header, title lines, every cell with its cached result. */
export const layoutToGrid = (layout: LkeLayout, extra: GridSheet[] = []): Grid => {
  const rows: GridRow[] = layout.title.map((text, i) => ({
    row: i + 1,
    hidden: false,
    cells: new Map([[1, { value: text }]]),
  }));
  rows.push({
    row: layout.headerRow,
    hidden: false,
    cells: new Map(
      Object.entries(layout.columns).map(([c, col]) => [col, { value: HEADER[c] ?? c } satisfies GridCell]),
    ),
  });
  for (const r of layout.rows)
    rows.push({
      row: r.row,
      hidden: false,
      cells: new Map(
        [...r.cells].map(([col, c]) => [
          col,
          c.formula ? { value: c.value, formula: c.formula } : { value: c.value },
        ]),
      ),
    });
  return { sheets: [...extra, { name: layout.sheet, rows }] };
};

import { LAYOUT_HEADERS } from './workbook-layout.ts';
const HEADER: Record<string, string> = LAYOUT_HEADERS;

/** A copy of a grid's sheet with one cell replaced (or removed with `undefined`). */
export const setCell = (
  grid: Grid,
  sheet: string,
  row: number,
  col: number,
  cell: GridCell | undefined,
): Grid => ({
  sheets: grid.sheets.map((s) =>
    s.name !== sheet
      ? s
      : {
          ...s,
          rows: s.rows.map((r) => {
            if (r.row !== row) return r;
            const cells = new Map(r.cells);
            if (cell) cells.set(col, cell);
            else cells.delete(col);
            return { ...r, cells };
          }),
        },
  ),
});

/** Every row of a sheet through `f`. */
export const mapRows = (grid: Grid, f: (r: GridRow) => GridRow): Grid => ({
  sheets: grid.sheets.map((s) => ({ ...s, rows: s.rows.map(f) })),
});
