import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../render/load-exceljs.ts';
import type { Grid, GridCell, GridRow, GridSheet } from '../../../core/lke/workbook-grid.ts';
import { HttpError } from '../../http/errors.ts';
import { readZipDirectory } from './zip-directory.ts';

/** What the file was, beside its cells: an `.xlsm` is read for its values only; its macros never run. */
export type WorkbookFile = { grid: Grid; macros: boolean };

/** Limits on what a workbook may expand to: an LKE is a few megabytes inflated, never hundreds. */
export const WORKBOOK_LIMITS = { bytes: 5 * 1024 * 1024, inflated: 100 * 1024 * 1024, ratio: 200 } as const;

const refuse = (status: number, code: string, message: string) => new HttpError(status, code, message);

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/**
 * Refuses what is not an `.xlsx` before any library parses it, each with a stable code: an old binary `.xls`
 * and a password-protected workbook are both OLE compound files (the latter holds an "EncryptionInfo" stream);
 * a zip whose declared sizes expand beyond the limits is a zip bomb.
 */
const checkFile = (bytes: Buffer): { macros: boolean } => {
  if (bytes.length > WORKBOOK_LIMITS.bytes)
    throw refuse(413, 'WORKBOOK_TOO_LARGE', `The workbook is larger than ${WORKBOOK_LIMITS.bytes} bytes.`);
  if (bytes.subarray(0, 8).equals(OLE)) {
    if (bytes.includes(ENCRYPTION_INFO))
      throw refuse(
        400,
        'WORKBOOK_ENCRYPTED',
        'The workbook is password-protected; save it without a password.',
      );
    throw refuse(
      400,
      'WORKBOOK_OLD_XLS',
      'An old binary .xls workbook; save it as .xlsx (Excel Workbook) first.',
    );
  }
  const entries = readZipDirectory(bytes);
  if (!entries || !entries.some((e) => e.name === 'xl/workbook.xml'))
    throw refuse(400, 'WORKBOOK_UNREADABLE', 'The file is not an Excel workbook (.xlsx).');
  const inflated = entries.reduce((s, e) => s + e.size, 0);
  const packed = entries.reduce((s, e) => s + e.compressedSize, 0);
  if (inflated > WORKBOOK_LIMITS.inflated || inflated > WORKBOOK_LIMITS.ratio * Math.max(packed, 1))
    throw refuse(400, 'WORKBOOK_TOO_LARGE', 'The workbook expands to more than the limit allows.');
  return { macros: entries.some((e) => /vbaProject\.bin$/i.test(e.name)) };
};

type Raw = ExcelJS.CellValue;
const isObject = (v: Raw): v is Exclude<Raw, string | number | boolean | Date | null | undefined> =>
  typeof v === 'object' && v !== null && !(v instanceof Date);

/** A cell as the core reads it: the shown value (a formula's cached result), the formula, an error. */
const toCell = (cell: ExcelJS.Cell): GridCell => {
  const v: Raw = cell.value;
  const plain = (x: unknown): GridCell['value'] => {
    if (x === null || x === undefined) return null;
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
    if (x instanceof Date) return x.toISOString().slice(0, 10);
    if (typeof x === 'object' && 'richText' in x)
      return (x as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    return null;
  };
  if (!isObject(v)) return { value: plain(v) };
  if ('error' in v) return { value: null, error: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    const formula = cell.formula || undefined;
    if (isObject(result as Raw) && result && typeof result === 'object' && 'error' in result)
      return {
        value: null,
        error: String((result as { error: unknown }).error),
        ...(formula ? { formula } : {}),
      };
    return { value: plain(result), ...(formula ? { formula } : {}) };
  }
  if ('hyperlink' in v) {
    const text = plain((v as ExcelJS.CellHyperlinkValue).text);
    const link = (v as ExcelJS.CellHyperlinkValue).hyperlink;
    return { value: text === link || !link ? text : `${String(text ?? '')}\n${link}` };
  }
  return { value: plain(v) };
};

const toSheet = (sheet: ExcelJS.Worksheet): GridSheet => {
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = new Map<number, GridCell>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged cell shows its master's value; only the master is read, so a value never counts twice.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      cells.set(col, toCell(cell));
    });
    rows.push({ row: number, hidden: row.hidden, cells });
  });
  return { name: sheet.name, rows };
};

/** An uploaded `.xlsx` (or `.xlsm`, values only) as a grid of cells, or a refusal with a stable code. */
export const readWorkbookFile = async (bytes: Buffer): Promise<WorkbookFile> => {
  const { macros } = checkFile(bytes);
  const book = new (await loadExcelJs()).Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse(400, 'WORKBOOK_UNREADABLE', 'The file is not a readable Excel workbook (.xlsx).');
  }
  return { grid: { sheets: book.worksheets.map(toSheet) }, macros };
};
