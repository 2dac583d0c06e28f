import type ExcelJS from 'exceljs';
import { LAYOUT_HEADERS, type LayoutColumn, type LkeLayout } from '../../../core/lke/workbook-layout.ts';

const WIDTHS: Record<LayoutColumn, number> = {
  code: 12,
  text: 60,
  weight: 8,
  type: 12,
  answer: 10,
  value: 9,
  percent: 9,
  explanation: 40,
  evidence: 36,
  links: 36,
  review: 36,
};
const BOLD_KINDS = new Set(['total', 'component', 'aspect', 'area', 'subArea', 'group', 'hasilPart']);

/**
 * Writes the LKE sheet of `layout` into a new workbook: formulas with their cached results (exceljs writes the
 * result beside the formula, so a viewer that does not recalculate still shows the figures), the header frozen.
 */
export const writeLayoutWorkbook = (layout: LkeLayout, book: ExcelJS.Workbook): ExcelJS.Workbook => {
  const sheet = book.addWorksheet(layout.sheet, { views: [{ state: 'frozen', ySplit: layout.headerRow }] });
  layout.title.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  const header = sheet.getRow(layout.headerRow);
  for (const [c, col] of Object.entries(layout.columns) as [LayoutColumn, number][]) {
    const cell = header.getCell(col);
    cell.value = LAYOUT_HEADERS[c];
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    sheet.getColumn(col).width = WIDTHS[c];
  }
  for (const r of layout.rows) {
    const row = sheet.getRow(r.row);
    if (BOLD_KINDS.has(r.kind)) row.font = { bold: true };
    for (const [col, c] of r.cells) {
      const cell = row.getCell(col);
      const result = c.value === null || c.value === '' ? undefined : c.value;
      cell.value = c.formula
        ? ({ formula: c.formula, result } as ExcelJS.CellFormulaValue)
        : (c.value as ExcelJS.CellValue);
      if (c.format === 'percent') cell.numFmt = '0.00%';
      if (c.format === 'decimal') cell.numFmt = '0.00';
      if (c.format === 'wrap') cell.alignment = { wrapText: true, vertical: 'top' };
    }
    if (r.kind === 'item' || r.kind === 'input')
      row.getCell(layout.columns.text).alignment = { wrapText: true, indent: Math.min(r.depth, 6) };
  }
  return book;
};

export const workbookBytes = async (book: ExcelJS.Workbook): Promise<Buffer> =>
  Buffer.from(await book.xlsx.writeBuffer());
