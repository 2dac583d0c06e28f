import { z } from 'zod';
import { UnitType } from '../../../contracts/units.ts';
import { isWithin } from '../../../core/org/unit-path.ts';
import { columnLetter, readDelimited, type SheetProblem } from '../../../core/shared/sheet.ts';
import type { Tx } from '../../db/client.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { createUnit } from './create-unit.ts';
import { findUnit, findUnitByCode, type UnitRow } from './repo.ts';

export const IMPORT_COLUMNS = [
  'code',
  'name',
  'type',
  'parent_code',
  'region',
  'is_public_service',
  'afirmasi',
] as const;

const Flag = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v, ctx) => {
    if (['', '0', 'false', 'tidak', 'no', 't', 'n'].includes(v)) return false;
    if (['1', 'true', 'ya', 'yes', 'y'].includes(v)) return true;
    ctx.addIssue({ code: 'custom', message: 'expected ya/tidak, yes/no, true/false or 1/0' });
    return z.NEVER;
  });

const Row = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, . _ - only'),
  name: z.string().trim().min(1).max(200),
  type: UnitType.exclude(['instansi']),
  parent_code: z.string().trim().max(40).default(''),
  region: z.string().trim().max(200).default(''),
  is_public_service: Flag.default(false),
  afirmasi: Flag.default(false),
});
type Row = z.infer<typeof Row>;

export type ImportProblem = SheetProblem;

export type ImportUnitsOptions = { parentId: string; csv: string; actor: AuditActor; now: Date };

/** A zod issue of a row as a stable code the UI translates. */
const unitIssueCode = (issue: z.core.$ZodIssue): string => {
  const field = String(issue.path[0] ?? '');
  if (issue.code === 'too_small') return 'REQUIRED';
  if (issue.code === 'too_big') return 'TOO_LONG';
  if (field === 'type') return 'UNIT_TYPE_UNKNOWN';
  if (field === 'is_public_service' || field === 'afirmasi') return 'FLAG_INVALID';
  if (field === 'code') return 'UNIT_CODE_INVALID';
  return 'INVALID';
};

const invalid = (problems: ImportProblem[]) =>
  new HttpError(
    400,
    'IMPORT_INVALID',
    `The CSV has ${problems.length} problem(s); nothing was imported.`,
    problems,
  );

/**
 * Imports sub-units under `parentId` from CSV, all or nothing. A row's parent is `parent_code` (a unit already
 * inside the target, or another row of the file, in any order) or, when empty, the target itself.
 */
export const importUnits = async (tx: Tx, options: ImportUnitsOptions): Promise<UnitRow[]> => {
  const root = await findUnit(tx, options.parentId);
  if (!root) throw notFound('Unit');
  const read = readDelimited(options.csv);
  if (!read.ok) throw invalid([read.problem]);
  const [headerRow, ...dataRows] = read.table.rows;
  const header = (headerRow?.cells ?? []).map((h) => h.trim().toLowerCase());
  const letterOf = (field: string): string | null => {
    const index = header.indexOf(field);
    return index < 0 ? null : columnLetter(index);
  };
  const missing = ['code', 'name', 'type'].filter((c) => !header.includes(c));
  if (missing.length > 0 || dataRows.length === 0) {
    throw invalid([
      {
        line: 1,
        field: 'header',
        column: null,
        code: missing.length > 0 ? 'COLUMNS_MISSING' : 'NO_ROWS',
        value: missing.join(', '),
        message: `required columns: code, name, type; missing: ${missing.join(', ') || 'rows'}`,
      },
    ]);
  }
  const records = dataRows.map(({ line, cells }) => ({
    line,
    record: Object.fromEntries(header.map((name, i) => [name, (cells[i] ?? '').trim()])),
  }));
  const problem = (line: number, field: string, code: string, message: string, value?: string) => ({
    line,
    field,
    column: letterOf(field),
    code,
    message,
    ...(value === undefined ? {} : { value }),
  });

  const problems: ImportProblem[] = [];
  const rows = new Map<string, { line: number; row: Row }>();
  for (const { line, record } of records) {
    const parsed = Row.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        problems.push(problem(line, field, unitIssueCode(issue), issue.message, record[field]));
      }
      continue;
    }
    const key = parsed.data.code.toLowerCase();
    const first = rows.get(key);
    if (first)
      problems.push(
        problem(
          line,
          'code',
          'CODE_DUPLICATE',
          `duplicate code in the file (row ${first.line})`,
          String(first.line),
        ),
      );
    else rows.set(key, { line, row: parsed.data });
  }
  for (const { line, row } of rows.values()) {
    if (await findUnitByCode(tx, row.code))
      problems.push(problem(line, 'code', 'UNIT_CODE_TAKEN', `code ${row.code} already exists`, row.code));
  }
  if (problems.length > 0) throw invalid(problems);

  // Rows are created parents first; a parent code that never resolves is reported, as is a cycle.
  const created = new Map<string, UnitRow>();
  const parentOf = async (row: Row): Promise<UnitRow | null | 'later'> => {
    if (!row.parent_code) return root;
    const key = row.parent_code.toLowerCase();
    if (created.has(key)) return created.get(key) ?? null;
    if (rows.has(key)) return 'later';
    const existing = await findUnitByCode(tx, row.parent_code);
    return existing && isWithin(existing.path, root.path) ? existing : null;
  };
  let pending = [...rows.values()];
  while (pending.length > 0) {
    const next: typeof pending = [];
    for (const entry of pending) {
      const parent = await parentOf(entry.row);
      if (parent === 'later') {
        next.push(entry);
        continue;
      }
      if (parent === null) {
        problems.push(
          problem(
            entry.line,
            'parent_code',
            'PARENT_UNKNOWN',
            `parent ${entry.row.parent_code} is not inside ${root.code}`,
            entry.row.parent_code,
          ),
        );
        continue;
      }
      const unit = await createUnit(tx, {
        input: {
          parentId: parent.id,
          code: entry.row.code,
          name: entry.row.name,
          type: entry.row.type,
          region: entry.row.region || null,
          isPublicService: entry.row.is_public_service,
          afirmasi: entry.row.afirmasi,
        },
        actor: options.actor,
        now: options.now,
      });
      created.set(entry.row.code.toLowerCase(), unit);
    }
    if (next.length === pending.length) {
      for (const entry of next)
        problems.push(problem(entry.line, 'parent_code', 'PARENT_CYCLE', 'parent codes form a cycle'));
      break;
    }
    pending = next;
  }
  if (problems.length > 0) throw invalid(problems);
  return [...created.values()];
};
