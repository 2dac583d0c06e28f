import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../render/load-exceljs.ts';
import {
  fieldOfHeader,
  type ColumnLetters,
  type EmployeeRowInput,
  type ImportProblem,
} from '../../../core/programme/pact.ts';
import { columnLetter, readDelimited } from '../../../core/shared/sheet.ts';
import { HttpError } from '../../http/errors.ts';

export type SheetRecord = { line: number; cells: Partial<Record<keyof EmployeeRowInput, string>> };
/** The rows of a file and the column letter of each field it has. */
export type Sheet = { records: SheetRecord[]; columns: ColumnLetters };

export const importInvalid = (problems: ImportProblem[]) =>
  new HttpError(
    400,
    'IMPORT_INVALID',
    `The file has ${problems.length} problem(s); nothing was imported.`,
    problems,
  );

/** A problem of the whole file (no single cell at fault). */
export const fileProblem = (code: string, message: string, value?: string): ImportProblem => ({
  line: 0,
  field: 'file',
  column: null,
  code,
  message,
  ...(value === undefined ? {} : { value }),
});

const toSheet = (header: string[], lines: Array<{ line: number; values: string[] }>): Sheet => {
  const fields = header.map(fieldOfHeader);
  if (!fields.includes('name'))
    throw importInvalid([
      {
        line: 1,
        field: 'header',
        column: null,
        code: 'NAME_COLUMN_MISSING',
        message: 'a column "nama" (or "name") is required; optional: nip, jabatan, golongan, email',
      },
    ]);
  const columns: ColumnLetters = {};
  fields.forEach((field, i) => {
    if (field && !columns[field]) columns[field] = columnLetter(i);
  });
  const records = lines
    .filter((l) => l.values.some((v) => v.trim() !== ''))
    .map(({ line, values }) => {
      const cells: SheetRecord['cells'] = {};
      fields.forEach((field, i) => {
        // The first column of a field wins, as `columns` says; a repeated header is ignored.
        if (field && cells[field] === undefined) cells[field] = values[i] ?? '';
      });
      return { line, cells };
    });
  return { records, columns };
};

/**
 * CSV with a header line, separated by `;` (Excel in the Indonesian locale) or `,`, told apart by the header
 * line alone so a comma inside a job title stays in its cell; quotes, BOM and CRLF as Excel writes them.
 */
export const readCsv = (text: string): Sheet => {
  const read = readDelimited(text);
  if (!read.ok) throw importInvalid([read.problem]);
  const [header, ...rest] = read.table.rows;
  if (!header) throw importInvalid([fileProblem('FILE_EMPTY', 'the file is empty')]);
  return toSheet(
    header.cells,
    rest.map(({ line, cells }) => ({ line, values: cells })),
  );
};

/**
 * A cell as the text a person sees. A NIP typed as a number has more digits than a spreadsheet number holds
 * (its last digits are already gone), so a too-large whole number comes back as `1.99e+17` for the check to
 * name instead of a NIP that looks right and is wrong.
 */
const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : value.toExponential();
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
};

/** The first worksheet of an XLSX, its first row the header. */
export const readXlsx = async (bytes: Buffer): Promise<Sheet> => {
  const book = new (await loadExcelJs()).Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw importInvalid([
      fileProblem('XLSX_UNREADABLE', `not a readable XLSX file: ${(error as Error).message}`),
    ]);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw importInvalid([fileProblem('FILE_EMPTY', 'the workbook has no sheet')]);
  const width = sheet.columnCount;
  const valuesOf = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim());
  const header = valuesOf(sheet.getRow(1));
  const lines: Array<{ line: number; values: string[] }> = [];
  for (let n = 2; n <= sheet.rowCount; n += 1) lines.push({ line: n, values: valuesOf(sheet.getRow(n)) });
  return toSheet(header, lines);
};
