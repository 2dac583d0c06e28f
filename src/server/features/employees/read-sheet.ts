import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fieldOfHeader, type EmployeeRowInput, type ImportProblem } from '../../../core/programme/pact.ts';
import { HttpError } from '../../http/errors.ts';

export type SheetRecord = { line: number; cells: Partial<Record<keyof EmployeeRowInput, string>> };

export const importInvalid = (problems: ImportProblem[]) =>
  new HttpError(
    400,
    'IMPORT_INVALID',
    `The file has ${problems.length} problem(s); nothing was imported.`,
    problems,
  );

const toRecords = (header: string[], lines: Array<{ line: number; values: string[] }>): SheetRecord[] => {
  const fields = header.map(fieldOfHeader);
  if (!fields.includes('name'))
    throw importInvalid([
      {
        line: 1,
        field: 'header',
        message: 'a column "nama" (or "name") is required; optional: nip, jabatan, golongan, email',
      },
    ]);
  return lines
    .filter((l) => l.values.some((v) => v.trim() !== ''))
    .map(({ line, values }) => {
      const cells: SheetRecord['cells'] = {};
      fields.forEach((field, i) => {
        if (field) cells[field] = values[i] ?? '';
      });
      return { line, cells };
    });
};

/** CSV with a header line; comma or semicolon (Excel in an Indonesian locale writes semicolons). */
export const readCsv = (text: string): SheetRecord[] => {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: [',', ';'],
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    throw importInvalid([{ line: 0, field: 'file', message: (error as Error).message }]);
  }
  const [header, ...rest] = rows;
  if (!header) throw importInvalid([{ line: 1, field: 'header', message: 'the file is empty' }]);
  return toRecords(
    header,
    rest.map((values, i) => ({ line: i + 2, values })),
  );
};

/** A cell as the text a person sees: NIPs typed as numbers keep every digit (no 1.9e17). */
const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : value.toFixed(0);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
};

/** The first worksheet of an XLSX, its first row the header. */
export const readXlsx = async (bytes: Buffer): Promise<SheetRecord[]> => {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw importInvalid([
      { line: 0, field: 'file', message: `not a readable XLSX file: ${(error as Error).message}` },
    ]);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw importInvalid([{ line: 1, field: 'header', message: 'the workbook has no sheet' }]);
  const width = sheet.columnCount;
  const valuesOf = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim());
  const header = valuesOf(sheet.getRow(1));
  const lines: Array<{ line: number; values: string[] }> = [];
  for (let n = 2; n <= sheet.rowCount; n += 1) lines.push({ line: n, values: valuesOf(sheet.getRow(n)) });
  return toRecords(header, lines);
};
