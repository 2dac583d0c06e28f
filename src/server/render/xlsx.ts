import type { Worksheet } from 'exceljs';

/** Bold header on a light fill with a bottom border: the first row of a data sheet. */
export const styleHeaderRow = (sheet: Worksheet): void => {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle' };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8899AA' } } };
  });
};

/** Column widths from the longest value shown (header included), within [min, max] characters. */
export const fitColumns = (sheet: Worksheet, { min = 8, max = 50 }: { min?: number; max?: number } = {}) => {
  sheet.columns.forEach((column) => {
    let longest = 0;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      const text = v instanceof Date ? '2026-01-01 00:00' : v === null || v === undefined ? '' : String(v);
      longest = Math.max(longest, text.length);
    });
    column.width = Math.min(max, Math.max(min, longest + 2));
  });
};
