import { z } from 'zod';
import { Id } from './common.ts';

export const ReviewLevel = z.enum(['tpi', 'tpn']);

export const EvaluatorAssignment = z.object({
  id: Id,
  unitId: Id,
  userId: Id,
  userName: z.string(),
  userEmail: z.string(),
  level: ReviewLevel,
  createdAt: z.string(),
});
export type EvaluatorAssignment = z.infer<typeof EvaluatorAssignment>;

export const EvaluatorAssignmentList = z.object({ assignments: z.array(EvaluatorAssignment) });
export const AssignEvaluatorBody = z.object({ userId: Id, level: ReviewLevel.default('tpi') });
export const UnitParams = z.object({ unitId: Id });
export const AssignmentParams = z.object({ unitId: Id, assignmentId: Id });
