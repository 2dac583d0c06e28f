import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Worksheet } from '../../../contracts/assessments.ts';
import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { loadWorksheetContent } from './get-worksheet.ts';
import { presentAssessment } from './present-assessment.ts';
import type { AssessmentContext } from './repo.ts';
import { joinWorksheet, serializeAssessment, serializeWorksheetContent } from './serialize-worksheet.ts';
import type { WorksheetCache } from './worksheet-cache.ts';
import { readWorksheetVersion } from './worksheet-version-repo.ts';

export type WorksheetRead =
  { kind: 'not-modified'; etag: string } | { kind: 'full'; etag: string; json: string };

export type ReadWorksheetOptions = {
  context: AssessmentContext;
  who: Actor;
  /** The client's If-None-Match header, if any. */
  ifNoneMatch: string | undefined;
};

// A reply's shape may change between releases while the stored version does not: the contract's hash is in the
// ETag, so a browser never revalidates an old release's reply as current.
let shapeHash: string | undefined;
const shape = () =>
  (shapeHash ??= createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(Worksheet, { io: 'output' })))
    .digest('base64url')
    .slice(0, 8));

/**
 * ETags are weak: the same version may be served from a content read a moment later (never earlier), so two
 * replies with one tag are equivalent, not byte-identical.
 */
const etagOf = (version: string, assessmentJson: string) =>
  `W/"${version}-${createHash('sha256').update(shape()).update(assessmentJson).digest('base64url').slice(0, 16)}"`;

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** RFC 9110 §13.1.2: weak comparison, a list of tags or "*". */
const matches = (header: string | undefined, etag: string): boolean => {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const mine = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === mine);
};

/**
 * The worksheet reply, as text: the caller's view of the assessment (from the context the permission check
 * loaded, never cached) joined to the shared content, cached by assessment and the version read from the
 * database first. A reply the client already holds becomes 304.
 */
export const readWorksheet = async (
  db: Tx,
  cache: WorksheetCache,
  { context, who, ifNoneMatch }: ReadWorksheetOptions,
): Promise<WorksheetRead> => {
  const id = context.assessment.id;
  const version = await readWorksheetVersion(db, id);
  const assessmentJson = serializeAssessment(presentAssessment(context, who));
  const etag = etagOf(version, assessmentJson);
  if (matches(ifNoneMatch, etag)) return { kind: 'not-modified', etag };
  let content = cache.get(id, version);
  if (content === undefined) {
    content = serializeWorksheetContent(await loadWorksheetContent(db, id));
    cache.set(id, version, content);
  }
  return { kind: 'full', etag, json: joinWorksheet(assessmentJson, content) };
};
