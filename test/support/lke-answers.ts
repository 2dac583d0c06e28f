import { createHash, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { LkeTemplate } from '../../src/core/lke/template-model.ts';
import type { Db } from '../../src/server/db/client.ts';
import { blobs, evidence, evidenceLinks, evidenceVersions } from '../../src/server/db/schema.ts';
import type { PulauApp } from '../../src/server/http/app.ts';
import { loadLkeTemplate } from '../../src/server/lke/load-lke-template.ts';
import type { Client } from './test-app.ts';

export const LKE_TEMPLATE_ID = 'permenpanrb-90-2021';

export const lkeTemplate = async (id = LKE_TEMPLATE_ID): Promise<LkeTemplate> => {
  const loaded = await loadLkeTemplate(id);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
};

/**
 * The best answer to every item and count input of a template: the first option (options are listed best
 * first), 4 for a survey index, every ratio at 100 % and every decrease from 10 to 0. Ratio item codes are
 * computed, so they get no value of their own.
 */
export const bestAnswers = (template: LkeTemplate): Record<string, string | number> => {
  const out: Record<string, string | number> = {};
  for (const item of template.items) {
    if (item.type === 'index_0_4') out[item.code] = 4;
    else if (item.type === 'ratio') {
      for (const input of item.inputs) out[input.code] = 0;
      const f = item.formula;
      if (f.kind === 'decrease') out[f.previous] = 10;
      else {
        for (const c of f.denominator) out[c] = 10;
        const [first] = f.numerator;
        if (first) out[first] = 10 * f.denominator.length;
      }
    } else out[item.code] = item.options[0]?.key ?? '';
  }
  return out;
};

/** PUT with the client's session and CSRF token (the shared client has no put). */
export const put = (
  app: PulauApp,
  client: Client,
  url: string,
  body: unknown,
): Promise<LightMyRequestResponse> =>
  app.inject({
    method: 'PUT',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

/** Answers every code with its best value and an explanation, version 0 (first save) unless told. */
export const answerEverything = async (
  app: PulauApp,
  client: Client,
  assessmentId: string,
  template: LkeTemplate,
  versions: Record<string, number> = {},
): Promise<void> => {
  for (const [code, value] of Object.entries(bestAnswers(template))) {
    const res = await put(app, client, `/api/assessments/${assessmentId}/answers/${code}`, {
      version: versions[code] ?? 0,
      value,
      explanation: `Penjelasan ${code}`,
    });
    if (res.statusCode !== 200) throw new Error(`answer ${code}: ${res.statusCode} ${res.body}`);
  }
};

/**
 * One stored file linked to the given item codes, written straight into the tables (the upload routes are
 * another feature's).
 */
export const linkEvidence = async (
  db: Db,
  options: { unitId: string; assessmentId: string; codes: readonly string[]; title?: string },
): Promise<string> => {
  const content = `evidence ${randomUUID()}`;
  const sha256 = createHash('sha256').update(content).digest('hex');
  const evidenceId = randomUUID();
  const versionId = randomUUID();
  await db
    .insert(blobs)
    .values({ sha256, size: content.length, mime: 'application/pdf', storageKey: sha256 });
  // current_version_id carries no foreign key, so the evidence can name its version before it exists.
  await db.insert(evidence).values({
    id: evidenceId,
    unitId: options.unitId,
    title: options.title ?? 'SK Tim ZI',
    currentVersionId: versionId,
  });
  await db.insert(evidenceVersions).values({
    id: versionId,
    evidenceId,
    blobSha256: sha256,
    filename: 'sk-tim.pdf',
    mime: 'application/pdf',
    size: content.length,
  });
  if (options.codes.length > 0)
    await db
      .insert(evidenceLinks)
      .values(options.codes.map((code) => ({ evidenceId, assessmentId: options.assessmentId, code })));
  return evidenceId;
};
