import type { ReviewSettings, ReviewSettingsBody } from '../../../contracts/reviews.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { findUnit } from '../units/repo.ts';
import { insertReviewSettings, loadReviewSettings, updateReviewSettingsIfVersion } from './settings-repo.ts';
import { refreshAgencyScores } from '../scores/refresh-scores.ts';

const agencyOf = async (db: Tx, agencyId: string) => {
  const unit = await findUnit(db, agencyId);
  if (!unit) throw notFound('Agency');
  if (unit.parentId !== null) throw badRequest('NOT_AN_AGENCY', 'Evaluation settings belong to an agency.');
  return unit;
};

export const getReviewSettings = async (db: Tx, agencyId: string): Promise<ReviewSettings> => {
  await agencyOf(db, agencyId);
  return { agencyId, ...(await loadReviewSettings(db, agencyId)) };
};

/**
 * Replaces an agency's evaluation settings (preliminary review, TPI stages and who completes them, the
 * proposal deadline's month-day, the UTC offset), validated by the core schema; optimistic on the version
 * (0 while the agency uses the defaults). Audited.
 */
export const putReviewSettings = async (
  tx: Tx,
  options: { agencyId: string; input: ReviewSettingsBody; actor: AuditActor; now: Date },
): Promise<ReviewSettings> => {
  const { agencyId, input, actor, now } = options;
  const agency = await agencyOf(tx, agencyId);
  const before = await loadReviewSettings(tx, agencyId);
  const stale = () => staleWrite({ agencyId, ...before });
  if (before.version !== input.version) throw stale();
  const patch = { config: input.config, updatedAt: now, updatedBy: actor.id };
  const saved =
    input.version === 0
      ? await insertReviewSettings(tx, { agencyId, ...patch, version: 1 })
      : await updateReviewSettingsIfVersion(tx, agencyId, input.version, patch);
  if (!saved) throw stale();
  await refreshAgencyScores(tx, agencyId);
  await writeAudit(tx, {
    actor,
    action: 'review.settings_updated',
    subjectType: 'review_settings',
    subjectId: agencyId,
    unit: { id: agency.id, path: agency.path },
    before: before.version === 0 ? null : before,
    after: { config: input.config, version: saved.version },
    now,
  });
  return { agencyId, config: input.config, version: saved.version };
};
