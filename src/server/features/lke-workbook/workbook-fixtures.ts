// Test-only: LKE workbooks built from the template, in the layouts units' copies have.
import type ExcelJS from 'exceljs';
import type { LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import {
  buildLkeLayout,
  type LayoutData,
  type LayoutOptions,
  type LkeLayout,
} from '../../../core/lke/workbook-layout.ts';
import { workbookBytes, writeLayoutWorkbook } from './write-workbook.ts';
import { loadExcelJs } from '../../render/load-exceljs.ts';

export type Fixture = { layout: LkeLayout; bytes: Buffer };

/** A workbook of `answers` in Pulau's layout (or moved columns, inserted rows), optionally spoiled by `edit`. */
export const lkeWorkbook = async (
  t: LkeTemplate,
  answers: Record<string, LkeAnswer>,
  options: LayoutOptions & {
    data?: Omit<LayoutData, 'answers'>;
    edit?: (sheet: ExcelJS.Worksheet, layout: LkeLayout) => void;
  } = {},
): Promise<Fixture> => {
  const layout = buildLkeLayout(t, { answers, ...options.data }, options);
  const book = writeLayoutWorkbook(layout, new (await loadExcelJs()).Workbook());
  const sheet = book.getWorksheet(layout.sheet);
  if (sheet && options.edit) options.edit(sheet, layout);
  return { layout, bytes: await workbookBytes(book) };
};

export const rowOf = (layout: LkeLayout, code: string): number => {
  const r = layout.rows.find((x) => x.code === code);
  if (!r) throw new Error(`no row for ${code}`);
  return r.row;
};
