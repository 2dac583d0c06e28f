import type { Report } from '../../../contracts/action-plans.ts';
import type { Tx } from '../../db/client.ts';
import { presentReport } from './present.ts';
import { reportsOf, userNames, type ReportRow } from './repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';

/** Presents report rows of one unit with the names of the people and of the parent they went to. */
export const presentReports = async (
  db: Tx,
  unitId: string,
  year: number,
  rows: Array<{ quarter: number; row: ReportRow | undefined }>,
): Promise<Report[]> => {
  const names = await userNames(
    db,
    rows
      .flatMap(({ row }) => (row ? [row.submittedBy, row.approvedBy, row.returnedBy] : []))
      .filter((x): x is string => x !== null),
  );
  const parentIds = [
    ...new Set(rows.flatMap(({ row }) => (row?.forwardedToUnitId ? [row.forwardedToUnitId] : []))),
  ];
  const parents = new Map<string, string>();
  for (const id of parentIds) parents.set(id, (await findUnitRef(db, id))?.name ?? '');
  return rows.map(({ quarter, row }) =>
    presentReport(
      unitId,
      year,
      quarter,
      row,
      names,
      row?.forwardedToUnitId ? (parents.get(row.forwardedToUnitId) ?? null) : null,
    ),
  );
};

/** The four quarterly reports of a unit's year, drafts where nothing was submitted. */
export const listReports = async (db: Tx, unitId: string, year: number): Promise<Report[]> => {
  const rows = await reportsOf(db, [unitId], year);
  return presentReports(
    db,
    unitId,
    year,
    [1, 2, 3, 4].map((quarter) => ({ quarter, row: rows.find((r) => r.quarter === quarter) })),
  );
};
