import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mp4 } from '../../../../test/fixtures/evidence-files.ts';
import { startEvidenceApp, type EvidenceApp } from './evidence-test-kit.ts';

const s3dir = mkdtempSync(join(tmpdir(), 'pulau-s3rver-'));
const s3 = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: s3dir,
  configureBuckets: [{ name: 'bukti' }],
});
let e: EvidenceApp;

beforeAll(async () => {
  const { port } = await s3.run();
  e = await startEvidenceApp({
    PULAU_STORAGE: 's3',
    PULAU_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    PULAU_S3_BUCKET: 'bukti',
    PULAU_S3_ACCESS_KEY: 'S3RVER',
    PULAU_S3_SECRET_KEY: 'S3RVER',
    PULAU_S3_FORCE_PATH_STYLE: 'true',
  });
});
afterAll(async () => {
  await e.close();
  await s3.close();
  rmSync(s3dir, { recursive: true, force: true });
});

it('with PULAU_STORAGE=s3 an upload lands in the bucket and streams back by range', async () => {
  const lead = await e.logIn('lead@sumenep.test');
  const bytes = mp4(200 * 1024);
  const { uploadId, last } = await e.upload(lead, bytes, 'apel.mp4');
  expect(last.status).toBe(204);
  const created = await lead.post(`/api/units/${e.org.sumenep.id}/evidence`, {
    uploadId,
    title: 'Apel pagi',
  });
  expect(created.statusCode, created.body).toBe(201);
  const ev = created.json();
  expect(ev.current.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  const res = await e.t.app.inject({
    method: 'GET',
    url: `/api/evidence/${ev.id}/versions/${ev.current.id}/download`,
    headers: { cookie: lead.cookie, range: 'bytes=100000-100099' },
  });
  expect(res.statusCode).toBe(206);
  expect(res.rawPayload.equals(bytes.subarray(100000, 100100))).toBe(true);
});
