import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { UnitType } from '../../../contracts/units.ts';
import { isWithin } from '../../../core/org/unit-path.ts';
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

export type ImportProblem = { line: number; field: string; message: string };

export type ImportUnitsOptions = { parentId: string; csv: string; actor: AuditActor; now: Date };

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
  let records: Record<string, string>[];
  try {
    records = parse(options.csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      delimiter: [',', ';'],
    });
  } catch (error) {
    throw invalid([{ line: 0, field: 'csv', message: (error as Error).message }]);
  }
  const header = Object.keys(records[0] ?? {});
  const missing = ['code', 'name', 'type'].filter((c) => !header.includes(c));
  if (records.length === 0 || missing.length > 0) {
    throw invalid([
      {
        line: 1,
        field: 'header',
        message: `required columns: code, name, type; missing: ${missing.join(', ') || 'rows'}`,
      },
    ]);
  }

  const problems: ImportProblem[] = [];
  const rows = new Map<string, { line: number; row: Row }>();
  records.forEach((record, index) => {
    const line = index + 2;
    const parsed = Row.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ line, field: String(issue.path[0] ?? ''), message: issue.message });
      return;
    }
    const key = parsed.data.code.toLowerCase();
    if (rows.has(key))
      problems.push({
        line,
        field: 'code',
        message: `duplicate code in the file (line ${rows.get(key)?.line})`,
      });
    else rows.set(key, { line, row: parsed.data });
  });
  for (const { line, row } of rows.values()) {
    if (await findUnitByCode(tx, row.code))
      problems.push({ line, field: 'code', message: `code ${row.code} already exists` });
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
        problems.push({
          line: entry.line,
          field: 'parent_code',
          message: `parent ${entry.row.parent_code} is not inside ${root.code}`,
        });
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
        problems.push({ line: entry.line, field: 'parent_code', message: 'parent codes form a cycle' });
      break;
    }
    pending = next;
  }
  if (problems.length > 0) throw invalid(problems);
  return [...created.values()];
};
