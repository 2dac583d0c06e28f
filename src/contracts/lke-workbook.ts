import { z } from 'zod';
import { AnswerValue } from './assessments.ts';

/** An uploaded workbook: the file name (for the `.xlsm` notice) and its bytes in base64. */
export const WorkbookUploadBody = z.object({
  filename: z.string().max(255).default('lke.xlsx'),
  content: z.string().min(1).max(7_200_000),
});
export type WorkbookUploadBody = z.infer<typeof WorkbookUploadBody>;

export const WorkbookProblemView = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  cell: z.string(),
  item: z.string(),
  params: z.record(z.string(), z.string()),
  message: z.string(),
});

const ScoreSummary = z.object({
  total: z.number(),
  pengungkit: z.number(),
  hasil: z.number(),
  answered: z.number().int(),
  itemCount: z.number().int(),
});

/** One change the import would make, with the version it was read at (sent back to apply). */
export const WorkbookChange = z.object({
  code: z.string().max(40),
  value: AnswerValue,
  explanation: z.string().max(20_000),
  version: z.number().int().min(0),
});
export type WorkbookChange = z.infer<typeof WorkbookChange>;

export const WorkbookPreview = z.object({
  sheet: z.string(),
  macros: z.boolean(),
  rows: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(['item', 'input']),
      text: z.string(),
      cell: z.string(),
      current: AnswerValue,
      currentExplanation: z.string(),
      imported: AnswerValue,
      importedExplanation: z.string(),
      status: z.enum(['same', 'changed', 'locked']),
      evidenceMissing: z.array(z.string()),
      links: z.array(z.string()),
    }),
  ),
  problems: z.array(WorkbookProblemView),
  score: z.object({ current: ScoreSummary, imported: ScoreSummary }),
  workbookTotal: z.number().nullable(),
  changes: z.array(WorkbookChange),
  /** Why applying is not possible now: errors in the file, a locked assessment, nothing to change. */
  blockers: z.array(z.enum(['problems', 'locked', 'nothing_to_change'])),
});
export type WorkbookPreview = z.infer<typeof WorkbookPreview>;

export const ApplyWorkbookBody = z.object({ changes: z.array(WorkbookChange).min(1).max(1000) });
export type ApplyWorkbookBody = z.infer<typeof ApplyWorkbookBody>;
export const ApplyWorkbookResult = z.object({ applied: z.number().int(), score: ScoreSummary });
