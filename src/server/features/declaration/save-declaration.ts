import type { Declaration, SaveDeclarationBody } from '../../../contracts/declaration.ts';
import type { Tx } from '../../db/client.ts';
import { HttpError, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentDeclaration } from './present-declaration.ts';
import { evidenceOfUnit, findDeclaration, insertDeclaration, updateDeclarationIfVersion } from './repo.ts';

export type SaveDeclarationOptions = {
  unit: { id: string; path: string };
  input: SaveDeclarationBody;
  actor: AuditActor;
  now: Date;
};

/**
 * Records or edits the unit's declaration (pencanangan). The minutes and photos/videos are evidence of this
 * unit (uploaded through the evidence feature); a date in the future is allowed (a planned declaration).
 */
export const saveDeclaration = async (
  tx: Tx,
  { unit, input, actor, now }: SaveDeclarationOptions,
): Promise<Declaration> => {
  const mediaIds = [...new Set(input.mediaEvidenceIds)];
  const wanted = [...mediaIds, ...(input.minutesEvidenceId ? [input.minutesEvidenceId] : [])];
  const own = await evidenceOfUnit(tx, unit.id, wanted);
  const foreign = wanted.filter((id) => !own.has(id));
  if (foreign.length > 0)
    throw new HttpError(400, 'EVIDENCE_NOT_IN_UNIT', 'Every evidence id must be evidence of this unit.', {
      ids: foreign,
    });
  if (input.mode === 'in_person' && input.place === '')
    throw new HttpError(400, 'DECLARATION_PLACE_REQUIRED', 'An in-person declaration needs its place.');
  const values = {
    declaredOn: input.declaredOn,
    mode: input.mode,
    place: input.place,
    witnesses: input.witnesses,
    minutesEvidenceId: input.minutesEvidenceId,
    mediaEvidenceIds: mediaIds,
    notes: input.notes,
    updatedBy: actor.id,
    updatedAt: now,
  };
  const before = await findDeclaration(tx, unit.id);
  let saved;
  if (!before) {
    if (input.version !== null) throw staleWrite(null);
    saved = await insertDeclaration(tx, { unitId: unit.id, ...values, createdAt: now });
    if (!saved) throw staleWrite(presentDeclaration((await findDeclaration(tx, unit.id))!));
  } else {
    if (input.version !== before.version) throw staleWrite(presentDeclaration(before));
    saved = await updateDeclarationIfVersion(tx, unit.id, before.version, values);
    if (!saved) throw staleWrite(presentDeclaration((await findDeclaration(tx, unit.id))!));
  }
  const after = presentDeclaration(saved);
  await writeAudit(tx, {
    actor,
    action: before ? 'declaration.updated' : 'declaration.recorded',
    subjectType: 'declaration',
    subjectId: unit.id,
    unit,
    before: before ? presentDeclaration(before) : null,
    after,
    now,
  });
  return after;
};
