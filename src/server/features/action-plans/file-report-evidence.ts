import { randomUUID } from 'node:crypto';
import type { LkeLinkOutcome } from '../../../contracts/team.ts';
import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { HttpError } from '../../http/errors.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { fileDocument } from '../../documents/file-document.ts';
import { formatDateId } from '../../render/format.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { createEvidence } from '../evidence/create-evidence.ts';
import { checkItemLink } from '../evidence/item-link-rules.ts';
import { loadReportData } from './report-data.ts';
import { type ReportRow, type UnitRef } from './repo.ts';
import { findAssessmentOfYear } from '../assessments/repo.ts';

/** The LKE item about monitoring the programme: P1.iii.b, first document "Laporan monitoring dan evaluasi…". */
export const REPORT_LKE_ITEM = { code: 'P1.iii.b', checklistIndex: 0 } as const;

export type FileReportOptions = {
  unit: UnitRef;
  row: ReportRow;
  actor: AuditActor;
  blobs: BlobStore;
  /** The public origin of the verification link printed on the document. */
  origin: string;
  now: Date;
};

export type FiledReport = { evidenceId: string; lkeLink: LkeLinkOutcome };

export const reportFilename = (unitCode: string, year: number, quarter: number): string =>
  `monev-rencana-aksi-${unitCode.replace(/[^A-Za-z0-9_-]/g, '_')}-${year}-tw${quarter}.pdf`;

/**
 * Files an approved quarterly report: its data and PDF (now showing the approval) are frozen as the filed
 * document that the report route serves from now on, and the same bytes are kept as evidence of the unit: creates the evidence record through the evidence feature and attaches it to P1.iii.b of
 * the unit's assessment of the report's year while that assessment is editable. A locked assessment keeps the
 * evidence in the library, unlinked, and the outcome says so.
 */
export const fileReportEvidence = async (tx: Tx, options: FileReportOptions): Promise<FiledReport> => {
  const { unit, row, actor, blobs, origin, now } = options;
  const { code, checklistIndex } = REPORT_LKE_ITEM;
  // The unit's own report, filed on the team's behalf: the approver (the leader) answers no item herself, and
  // the route already checked her plan.approve on this unit. The document is generated, never user-chosen.
  const filer: Actor = {
    userId: actor.id ?? '',
    isSystemAdmin: false,
    grants: [{ role: 'zi_team_lead', unitPath: unit.path, area: null }],
  };
  const assessment = await findAssessmentOfYear(tx, unit.id, row.year);
  let lkeLink: LkeLinkOutcome = { linked: false, code, assessmentId: null, reason: 'no_assessment' };
  if (assessment) {
    lkeLink = { linked: true, code, assessmentId: assessment.id };
    try {
      await checkItemLink(tx, { assessmentId: assessment.id, code, unitId: unit.id, who: filer });
    } catch (error) {
      if (!(error instanceof HttpError && error.code === 'ASSESSMENT_LOCKED')) throw error;
      lkeLink = { linked: false, code, assessmentId: assessment.id, reason: 'locked' };
    }
  }

  const filename = reportFilename(unit.code, row.year, row.quarter);
  const { row: filedDoc, pdf } = await fileDocument(tx, {
    kind: 'plan_report',
    subjectKey: row.id,
    unit: { id: unit.id, path: unit.path },
    title: `Laporan monitoring dan evaluasi rencana aksi ${unit.name} triwulan ${row.quarter} ${row.year}`,
    filename,
    data: await loadReportData(tx, unit.id, row.year, row.quarter),
    render: async (data, stamp) => {
      const { reportDocument } = await import('./report-pdf.ts');
      const { renderPdf } = await import('../../render/pdf.ts');
      return renderPdf(reportDocument(data, now, { ...stamp, origin }));
    },
    blobs,
    actor,
    now,
  });
  const sha256 = filedDoc.sha256;
  const date = now.toISOString().slice(0, 10);
  const created = await createEvidence(tx, {
    unit: { id: unit.id, path: unit.path },
    input: {
      uploadId: randomUUID(),
      title: `Laporan monitoring dan evaluasi rencana aksi ${row.year} triwulan ${row.quarter}`,
      description: `Disetujui pimpinan ${unit.name} pada ${formatDateId(now)}. Dibuat oleh Pulau.`,
      effectiveDate: date,
      link:
        lkeLink.linked && lkeLink.assessmentId
          ? { assessmentId: lkeLink.assessmentId, code, checklistIndex }
          : undefined,
    },
    upload: {
      status: 'stored',
      uploadId: `plan-report-${sha256.slice(0, 16)}`,
      ownerId: actor.id ?? '',
      unitId: unit.id,
      filename,
      sha256,
      size: pdf.length,
      mime: 'application/pdf',
      finishedAt: now.toISOString(),
    },
    who: filer,
    actor,
    now,
  });
  return { evidenceId: created.id, lkeLink };
};
