import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES } from '../../contracts/action-plans.ts';
import { AnswerStatus } from '../../contracts/assessments.ts';
import { FindingSource, FindingStatus } from '../../contracts/findings.ts';
import { ItemReviewStatus } from '../../contracts/reviews.ts';
import { CampaignStatus } from '../../contracts/surveys.ts';
import { ROLES } from '../../core/org/roles.ts';
import { DOCUMENT_CODES, PREREQUISITES } from '../../core/review/prerequisites.ts';
import { DEFAULT_TPI_STAGES } from '../../core/review/review-config.ts';
import { REVIEW_STATUSES } from '../../core/review/review-status.ts';
import { REVIEW_ACTIONS } from '../../core/review/review-table.ts';
import { SURVEY_KINDS } from '../../core/survey/questionnaire-schema.ts';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

/**
 * One vocabulary: every code the API, the core or the workflow can put in front of a person has a text in
 * both catalogues. The codes are collected from the sources themselves (error codes thrown by the server and
 * returned by the core, guard reasons, audit actions, notice kinds, import problems) and from the enums of the
 * contracts and the core, so a new code without its words fails here rather than on someone's screen.
 */

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Set<string> => {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.add(prefix + key);
    else for (const inner of flatten(value, `${prefix}${key}.`)) out.add(inner);
  }
  return out;
};
const catalogues = { id: flatten(id as Tree), en: flatten(en as Tree) };

const src = fileURLToPath(new URL('../..', import.meta.url));
const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) && !/\.test\.|test-support|test-kit/.test(name) ? [path] : [];
  });
const read = (dirs: string[]) =>
  dirs.flatMap((d) => sourcesUnder(join(src, d)).map((file) => ({ file, text: readFileSync(file, 'utf8') })));
const server = read(['server']);
const core = read(['core']);
const contracts = read(['contracts']);

const collect = (files: Array<{ text: string }>, pattern: RegExp): Set<string> => {
  const out = new Set<string>();
  for (const { text } of files) for (const m of text.matchAll(pattern)) if (m[1]) out.add(m[1]);
  return out;
};

/**
 * Codes that never reach a person under `errors.`: file-system and DNS errnos the adapters catch, and
 * Fastify's own codes, which the error handler turns into ours (FST_ERR_* → PAYLOAD_TOO_LARGE, INVALID_JSON…).
 */
const NOT_API_ERRORS = new Set(['ENOENT', 'EAI_AGAIN']);

/** API error codes: thrown at the HTTP edge, returned by the core as `err({ code })`, or a contract's message. */
const errorCodes = (): Set<string> => {
  const codes = new Set<string>([
    ...collect(server, /(?:HttpError\(\s*\d+,\s*|badRequest\(\s*|conflict\(\s*)'([A-Z][A-Z0-9_]+)'/g),
    ...collect([...server, ...core], /err\(\{\s*code:\s*'([A-Z][A-Z0-9_]+)'/g),
    // A refusal built as a value (`{ code: 'UNSUPPORTED_FILE_TYPE', … }`) and thrown later; import problems
    // have their own words (sheet.problem.*), guard reasons theirs (review.guard.*).
    ...collect(
      server.filter((f) => !/sheet|import/.test(f.file)),
      /code:\s*'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g,
    ),
    ...collect(contracts, /(?:error|message)?:?\s*'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g),
    // What the edge itself sends (errors.ts, the error handler, the body limit, the rate limit…).
    ...collect(
      server.filter((f) => /[/\\]http[/\\]/.test(f.file)),
      /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g,
    ),
  ]);
  for (const code of codes) if (NOT_API_ERRORS.has(code) || code.startsWith('FST_ERR_')) codes.delete(code);
  return codes;
};

/** Import problems (core/shared/sheet.ts and the readers): `code: '…'` next to a `line:`. */
const sheetProblemCodes = (): Set<string> => {
  const files = [...core, ...server].filter((f) => /sheet|import|pact\.ts/.test(f.file));
  const out = new Set<string>();
  for (const { text } of files) {
    for (const m of text.matchAll(
      /(?:code:\s*|report\(\s*'\w+',\s*|fileProblem\(\s*|problem\([^,]+,\s*'\w+',\s*)'([A-Z][A-Z0-9_]+)'/g,
    ))
      if (m[1]) out.add(m[1]);
  }
  return out;
};

/** Audit actions: every dotted literal in the `action:` of a writeAudit call, plus the review transitions. */
const auditActions = (): Set<string> => {
  const out = new Set<string>(REVIEW_ACTIONS.map((a) => `review.${a}`));
  for (const { text } of server) {
    for (const call of text.matchAll(/writeAudit\(\s*tx,\s*\{[\s\S]{0,600}?action:\s*([^\n]+)/g)) {
      for (const lit of (call[1] ?? '').matchAll(/'([a-z_]+\.[a-z_]+)'/g)) if (lit[1]) out.add(lit[1]);
    }
    // A use case that takes its action as a parameter (findings) names it where it is called; route
    // permissions look the same and are taken out by the caller.
    for (const lit of text.matchAll(/\baction:\s*'([a-z_]+\.[a-z_]+)'/g)) if (lit[1]) out.add(lit[1]);
  }
  return out;
};

/** Permissions a route states (`action: 'unit.read'`) are not events; they never reach the audit log. */
const permissionActions = (): Set<string> => collect(read(['core/org']), /'([a-z_]+\.[a-z_]+)'/g);

/** Notice kinds the server sends. */
const noticeKinds = (): Set<string> => collect(server, /kind:\s*'([a-z_]+\.[a-z_]+)'/g);

const missingIn = (keys: Iterable<string>): string[] =>
  [...keys].flatMap((key) =>
    (['id', 'en'] as const).filter((lng) => !catalogues[lng].has(key)).map((lng) => `${lng}: ${key}`),
  );

describe('one vocabulary', () => {
  it('collects a plausible number of codes (the collectors still match the code)', () => {
    expect(errorCodes().size).toBeGreaterThan(120);
    expect(auditActions().size).toBeGreaterThan(60);
    expect(noticeKinds().size).toBeGreaterThan(5);
    expect(sheetProblemCodes().size).toBeGreaterThan(15);
  });

  it('every API error code has a text in both languages', () => {
    expect(missingIn([...errorCodes()].map((c) => `errors.${c}`))).toEqual([]);
  });

  it('every guard reason of the workflow has a text', () => {
    const guardCodes = collect(
      core.filter((f) => f.file.includes('review')),
      /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)',\s*\n?\s*`/g,
    );
    for (const c of collect(
      core.filter((f) => f.file.includes('review-guards')),
      /code:\s*'([A-Z_]+)'/g,
    ))
      guardCodes.add(c);
    expect(guardCodes.size).toBeGreaterThan(8);
    expect(missingIn([...guardCodes].map((c) => `review.guard.${c}`))).toEqual([]);
  });

  it('every import problem has a text', () => {
    expect(missingIn([...sheetProblemCodes()].map((c) => `sheet.problem.${c}`))).toEqual([]);
  });

  it('every audit event reads as words', () => {
    const permissions = permissionActions();
    const events = [...auditActions()].filter((a) => !permissions.has(a));
    expect(missingIn(events.map((a) => `audit.actions.${a.replace(/\./g, '_')}`))).toEqual([]);
  });

  it('every notice kind has a title and a sentence', () => {
    expect(
      missingIn([...noticeKinds()].flatMap((k) => [`inbox.kinds.${k}.title`, `inbox.kinds.${k}.body`])),
    ).toEqual([]);
  });

  it('every role, status, stage, position, action and blocker has a name', () => {
    const keys = [
      ...ROLES.map((r) => `roles.${r}`),
      ...REVIEW_STATUSES.flatMap((s) => [`assessments.status.${s}`, `proposals.statuses.${s}`]),
      ...REVIEW_ACTIONS.flatMap((a) => [`review.action.${a}`, `review.actionHelp.${a}`]),
      ...DEFAULT_TPI_STAGES.flatMap((s) => [s.id, ...s.completedBy]).map((p) => `review.position.${p}`),
      ...PREREQUISITES.map((p) => `proposals.codes.${p.code}`),
      ...DOCUMENT_CODES.map((d) => `proposals.documentCodes.${d}`),
      ...AnswerStatus.options.map((s) => `ws.status.${s}`),
      ...ItemReviewStatus.options.map((s) => `review.item.status.${s}`),
      ...CampaignStatus.options.map((s) => `surveys.status.${s}`),
      ...SURVEY_KINDS.map((k) => `surveys.kind.${k}`),
      ...FindingStatus.options.map((s) => `findings.statuses.${s}`),
      ...FindingSource.options.map((s) => `findings.sources.${s}`),
      ...REPORT_STATUSES.map((s) => `actionPlans.reports.status.${s}`),
    ];
    expect(missingIn(keys)).toEqual([]);
  });
});
