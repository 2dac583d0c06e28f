/**
 * Spreadsheets as Indonesians save them, pure: a CSV from Excel in the Indonesian locale is separated by `;`
 * (the comma is the decimal mark there), one from an English locale by `,`; either may start with a BOM,
 * end its lines with CRLF and quote fields that hold the separator, a quote or a line break. The separator
 * is read from the header line only, so a comma inside a quoted or unquoted job title never splits a field.
 */

/** A problem in an imported file at a row (1 = header, as Excel numbers them) and column, by stable code. */
export type SheetProblem = {
  /** The spreadsheet row as Excel shows it (the header is 1); 0 when the whole file is at fault. */
  line: number;
  /** Our field name (`name`, `nip`…), or `header` / `file`. */
  field: string;
  /** The column letter as Excel shows it (A, B, … AA), or null when no single column is at fault. */
  column: string | null;
  /** Stable code; the UI translates `sheet.problem.<CODE>` with `value`. */
  code: string;
  /** The offending text or a number the message needs (a length, another row). */
  value?: string;
  /** English developer text for the API and the command line. */
  message: string;
};

export type Delimiter = ',' | ';' | '\t';

/** A record of the file: its spreadsheet row (1 = header) and its cells. */
export type SheetRow = { line: number; cells: string[] };

export type DelimitedTable = { delimiter: Delimiter; rows: SheetRow[] };

/** A, B, … Z, AA, AB … for a 0-based column index. */
export const columnLetter = (index: number): string => {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/** The separator of a file, from its header line: the most frequent of `;`, `,` and tab outside quotes. */
export const detectDelimiter = (headerLine: string): Delimiter => {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char] += 1;
  }
  // Ties go to `;`: a header of one column has none, and `;` is what an Indonesian Excel writes.
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
};

const firstLine = (text: string): string => {
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) return text.slice(0, i);
  }
  return text;
};

/**
 * Reads delimited text (RFC 4180 plus what Excel does): BOM dropped, separator from the header line, quoted
 * fields with `""` for a quote and line breaks inside, LF or CRLF. Blank rows are dropped but keep their
 * numbers, so row numbers match what the person sees in Excel. An unclosed quote is a problem at its row.
 */
export const readDelimited = (
  raw: string,
): { ok: true; table: DelimitedTable } | { ok: false; problem: SheetProblem } => {
  const text = raw.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(firstLine(text));
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteStart = { line: 1, column: 0 };
  const endRow = () => {
    cells.push(field);
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
    cells = [];
    field = '';
    line += 1;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      quoteStart = { line, column: cells.length };
    } else if (char === delimiter) {
      cells.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
    } else field += char;
  }
  if (quoted)
    return {
      ok: false,
      problem: {
        line: quoteStart.line,
        field: 'file',
        column: columnLetter(quoteStart.column),
        code: 'UNCLOSED_QUOTE',
        message: 'a quoted field is never closed',
      },
    };
  if (field !== '' || cells.length > 0) endRow();
  return { ok: true, table: { delimiter, rows } };
};

/**
 * A number as a person typed it: `14,61` and `1.234,5` (Indonesian) or `14.61` and `1,234.5` (English).
 * `decimal` says which mark the file uses (`,` for a `;`-separated file); with both marks present the last one
 * is the decimal mark whatever the file says. Null when the text is not a number.
 */
export const parseDecimal = (raw: string, decimal: ',' | '.' = ','): number | null => {
  const text = raw.trim().replace(/[\s\u00A0]/g, '');
  if (!/^[-+]?[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let mark: ',' | '.' = decimal;
  if (lastComma >= 0 && lastDot >= 0) mark = lastComma > lastDot ? ',' : '.';
  const group = mark === ',' ? '.' : ',';
  const [whole = '', fraction, ...more] = text.split(mark);
  if (more.length > 0) return null;
  const groups = whole.replace(/^[-+]/, '').split(group);
  // One foreign mark not followed by three digits is a decimal mark after all: `14.61` in a `;` file.
  if (fraction === undefined && groups.length === 2 && !/^\d{3}$/.test(groups[1] ?? ''))
    return parseDecimal(text, group);
  // Thousands groups are three digits each: `1.23,4` is a typo, not 123.4.
  if (groups.length > 1 && groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
  const normal = `${whole.startsWith('-') ? '-' : ''}${groups.join('')}${fraction === undefined ? '' : `.${fraction}`}`;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
};

/** Excel writes an 18-digit NIP typed as a number as `1,99001E+17`: its last digits are gone for good. */
export const isScientificNumber = (text: string): boolean => /^\d+([.,]\d+)?E\+?\d+$/i.test(text.trim());
