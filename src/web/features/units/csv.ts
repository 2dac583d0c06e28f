import { UNIT_TYPES } from '../../../contracts/units.ts';
import { readDelimited } from '../../../core/shared/sheet.ts';

/** The rows of a CSV as the server reads them (core/shared/sheet.ts): `;` or `,` from the header line, quotes, CRLF. */
export const parseCsv = (text: string): string[][] => {
  const read = readDelimited(text);
  return read.ok ? read.table.rows.map((row) => row.cells) : [];
};

export const CSV_COLUMNS = [
  'code',
  'name',
  'type',
  'parent_code',
  'region',
  'is_public_service',
  'afirmasi',
] as const;
const REQUIRED = ['code', 'name', 'type'] as const;
const BOOLEAN = /^(|true|false|1|0|ya|tidak|yes|no|y|n)$/i;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** One problem in a CSV: line number (1 = header), column, and a message key of the catalogues. */
export type RowProblem = { line: number; column: string; key: string; value?: string };

export type CsvCheck = { rows: number; problems: RowProblem[]; preview: Record<string, string>[] };

/** Checks before upload what can be checked without the server; codes compare case-insensitively, as on the server. */
export const checkUnitsCsv = (text: string, existingCodes: ReadonlySet<string>): CsvCheck => {
  const read = readDelimited(text);
  if (!read.ok)
    return {
      rows: 0,
      problems: [{ line: read.problem.line, column: '', key: 'sheet.problem.UNCLOSED_QUOTE' }],
      preview: [],
    };
  const [headerRow, ...dataRows] = read.table.rows;
  const header = (headerRow?.cells ?? []).map((cell) => cell.trim().toLowerCase());
  const problems: RowProblem[] = [];
  for (const column of REQUIRED) {
    if (!header.includes(column)) problems.push({ line: 1, column, key: 'units.import.missingColumn' });
  }
  if (problems.length > 0 || !headerRow) return { rows: 0, problems, preview: [] };
  const lines = dataRows.map((row) => row.line);
  const records = dataRows.map(({ cells }) =>
    Object.fromEntries(header.map((name, i) => [name, (cells[i] ?? '').trim()])),
  );
  const codes = new Set<string>();
  records.forEach((record, index) => {
    const line = lines[index] ?? index + 2;
    const code = record.code ?? '';
    if (!code) problems.push({ line, column: 'code', key: 'errors.REQUIRED' });
    else if (!CODE.test(code) || code.length > 40)
      problems.push({ line, column: 'code', key: 'errors.UNIT_CODE_INVALID', value: code });
    else if (codes.has(code.toLowerCase()))
      problems.push({ line, column: 'code', key: 'units.import.duplicateCode', value: code });
    else if (existingCodes.has(code.toLowerCase()))
      problems.push({ line, column: 'code', key: 'errors.UNIT_CODE_TAKEN', value: code });
    codes.add(code.toLowerCase());
    if (!record.name) problems.push({ line, column: 'name', key: 'errors.REQUIRED' });
    else if (record.name.length > 200) problems.push({ line, column: 'name', key: 'errors.TOO_LONG' });
    if (!(UNIT_TYPES as readonly string[]).includes(record.type ?? '')) {
      problems.push({ line, column: 'type', key: 'units.import.badType', value: record.type });
    }
    for (const column of ['is_public_service', 'afirmasi']) {
      if (!BOOLEAN.test(record[column] ?? ''))
        problems.push({ line, column, key: 'units.import.badBoolean', value: record[column] });
    }
  });
  records.forEach((record, index) => {
    const parent = record.parent_code ?? '';
    if (parent && !codes.has(parent.toLowerCase()) && !existingCodes.has(parent.toLowerCase())) {
      problems.push({
        line: lines[index] ?? index + 2,
        column: 'parent_code',
        key: 'units.import.unknownParent',
        value: parent,
      });
    }
  });
  problems.sort((a, b) => a.line - b.line);
  return { rows: records.length, problems, preview: records.slice(0, 5) };
};
