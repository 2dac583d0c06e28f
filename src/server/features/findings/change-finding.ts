import { randomUUID } from 'node:crypto';
import type {
  CreateFindingBody,
  Finding,
  FollowUpBody,
  UpdateFindingBody,
} from '../../../contracts/findings.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { evidenceOutsideUnit } from '../team/repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';
import { presentFinding } from './present-finding.ts';
import {
  deleteFindingIfVersion,
  findFinding,
  insertFinding,
  updateFindingIfVersion,
  type FindingRow,
  type NewFindingRow,
} from './repo.ts';

type Common = { actor: AuditActor; now: Date };

export const createFinding = async (
  tx: Tx,
  options: Common & { unitId: string; input: CreateFindingBody },
): Promise<Finding> => {
  const { unitId, input, actor, now } = options;
  const unit = await findUnitRef(tx, unitId);
  if (!unit) throw notFound('Unit');
  const row = await insertFinding(tx, {
    id: randomUUID(),
    unitId,
    ...input,
    status: 'open',
    evidenceIds: [],
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
  });
  const finding = presentFinding(row, now);
  await writeAudit(tx, {
    actor,
    action: 'finding.created',
    subjectType: 'finding',
    subjectId: row.id,
    unit: { id: unit.id, path: unit.path },
    after: finding,
    now,
  });
  return finding;
};

/** Loads the finding, checks the version the caller read, writes `fields` and audits `action`. */
const change = async (
  tx: Tx,
  options: Common & {
    findingId: string;
    version: number;
    action: string;
    fields: (current: FindingRow) => Partial<NewFindingRow>;
  },
): Promise<Finding> => {
  const { findingId, version, actor, now } = options;
  const found = await findFinding(tx, findingId);
  if (!found) throw notFound('Finding');
  const current = found.finding;
  if (current.version !== version) throw staleWrite(presentFinding(current, now));
  const saved = await updateFindingIfVersion(tx, findingId, version, {
    ...options.fields(current),
    updatedAt: now,
  });
  if (!saved) throw staleWrite(presentFinding((await findFinding(tx, findingId))?.finding ?? current, now));
  const finding = presentFinding(saved, now);
  await writeAudit(tx, {
    actor,
    action: options.action,
    subjectType: 'finding',
    subjectId: findingId,
    unit: { id: current.unitId, path: found.unitPath },
    before: presentFinding(current, now),
    after: finding,
    now,
  });
  return finding;
};

const refuseClosed = (row: FindingRow) => {
  if (row.status === 'followed_up')
    throw conflict('FINDING_CLOSED', 'The finding is followed up and closed; it no longer changes.');
};

export const updateFinding = (tx: Tx, options: Common & { findingId: string; input: UpdateFindingBody }) => {
  const { version, ...fields } = options.input;
  return change(tx, {
    ...options,
    version,
    action: 'finding.updated',
    fields: (current) => {
      refuseClosed(current);
      return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    },
  });
};

/** Records the follow-up so far (text and evidence): the finding is then in progress until closed. */
export const recordFollowUp = async (
  tx: Tx,
  options: Common & { findingId: string; input: FollowUpBody },
) => {
  const found = await findFinding(tx, options.findingId);
  if (!found) throw notFound('Finding');
  const outside = await evidenceOutsideUnit(tx, found.finding.unitId, options.input.evidenceIds);
  if (outside.length > 0)
    throw badRequest('EVIDENCE_NOT_IN_UNIT', 'Evidence must belong to the finding’s unit.', {
      evidenceIds: outside,
    });
  return change(tx, {
    ...options,
    version: options.input.version,
    action: 'finding.followed_up',
    fields: (current) => {
      refuseClosed(current);
      return {
        followUp: options.input.followUp,
        evidenceIds: [...new Set(options.input.evidenceIds)],
        status: 'in_progress',
      };
    },
  });
};

/** Closes a finding as followed up; it needs a recorded follow-up first. */
export const closeFinding = (tx: Tx, options: Common & { findingId: string; version: number }) =>
  change(tx, {
    ...options,
    action: 'finding.closed',
    fields: (current) => {
      refuseClosed(current);
      if (current.followUp.trim() === '')
        throw badRequest('FINDING_NO_FOLLOW_UP', 'Record the follow-up before closing the finding.');
      return { status: 'followed_up', closedAt: options.now, closedBy: options.actor.id };
    },
  });

/** Removes a finding entered by mistake; a closed one stays (it is the record of the follow-up). */
export const deleteFinding = async (tx: Tx, options: Common & { findingId: string; version: number }) => {
  const { findingId, version, actor, now } = options;
  const found = await findFinding(tx, findingId);
  if (!found) throw notFound('Finding');
  if (found.finding.version !== version) throw staleWrite(presentFinding(found.finding, now));
  refuseClosed(found.finding);
  if (!(await deleteFindingIfVersion(tx, findingId, version)))
    throw staleWrite(presentFinding(found.finding, now));
  await writeAudit(tx, {
    actor,
    action: 'finding.deleted',
    subjectType: 'finding',
    subjectId: findingId,
    unit: { id: found.finding.unitId, path: found.unitPath },
    before: presentFinding(found.finding, now),
    now,
  });
};
