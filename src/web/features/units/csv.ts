import { UNIT_TYPES } from '../../../contracts/units.ts';

/** RFC 4180-ish: commas or semicolons (Excel in Indonesian locale writes `;`), quotes, CRLF. */
export const parseCsv = (text: string): string[][] => {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
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
  const table = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = (table[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const problems: RowProblem[] = [];
  for (const column of REQUIRED) {
    if (!header.includes(column)) problems.push({ line: 1, column, key: 'units.import.missingColumn' });
  }
  if (problems.length > 0 || table.length === 0) return { rows: 0, problems, preview: [] };
  const records = table
    .slice(1)
    .map((cells) => Object.fromEntries(header.map((name, i) => [name, (cells[i] ?? '').trim()])));
  const codes = new Set<string>();
  records.forEach((record, index) => {
    const line = index + 2;
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
        line: index + 2,
        column: 'parent_code',
        key: 'units.import.unknownParent',
        value: parent,
      });
    }
  });
  problems.sort((a, b) => a.line - b.line);
  return { rows: records.length, problems, preview: records.slice(0, 5) };
};
