import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp4 } from '../../../../test/fixtures/evidence-files.ts';
import { logInAs, seedOrg, type Client } from '../../../../test/support/test-app.ts';
import { openTestDatabase } from '../../../../test/support/test-db.ts';
import { tusClient, uploadIdOf, type TusClient } from '../../../../test/support/tus-client.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { buildApp, type PulauApp } from '../../http/app.ts';

/**
 * Two Pulau processes as a load balancer sees them: one database, one S3 bucket, each its own data folder (as on
 * separate machines). Every request of an upload may land on either; nothing may live in only one of them.
 */
const s3dir = mkdtempSync(join(tmpdir(), 'pulau-s3rver-'));
const s3 = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: s3dir,
  configureBuckets: [{ name: 'bersama' }],
});
const folders: string[] = [];
let database: Database;
let apps: PulauApp[] = [];
let bases: string[] = [];
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;

beforeAll(async () => {
  const { port } = await s3.run();
  database = await openTestDatabase();
  org = await seedOrg(database.db);
  for (let i = 0; i < 2; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), `pulau-node${i}-`));
    folders.push(dataDir);
    const config = loadConfig({
      PULAU_LOG_LEVEL: 'silent',
      PULAU_WEB_DIR: '/nonexistent',
      PULAU_DATA_DIR: dataDir,
      PULAU_STORAGE: 's3',
      PULAU_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      PULAU_S3_BUCKET: 'bersama',
      PULAU_S3_ACCESS_KEY: 'S3RVER',
      PULAU_S3_SECRET_KEY: 'S3RVER',
      PULAU_S3_FORCE_PATH_STYLE: 'true',
    });
    const app = await buildApp({ db: database.db, config, now: () => new Date(), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    bases.push(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  }
  lead = await logInAs(apps[0]!, 'lead@sumenep.test');
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
  await s3.close();
  for (const dir of [s3dir, ...folders]) rmSync(dir, { recursive: true, force: true });
  apps = [];
  bases = [];
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const on = (i: number): TusClient => tusClient(bases[i % 2]!, lead);

describe('an upload across two processes', () => {
  it('chunks alternate between the processes, HEAD answers on either, and the other one makes the evidence', async () => {
    const bytes = mp4(5 * 1024 * 1024 + 12_345);
    const created = await on(0).create({
      length: bytes.length,
      metadata: { unitId: org.sumenep.id, filename: 'rapat-pleno.mp4' },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location') ?? '';
    const chunk = 1024 * 1024;
    let offset = 0;
    for (let i = 1; offset < bytes.length; i++) {
      // Each process first learns the offset the other one left, as a resuming client would.
      expect(Number((await on(i).head(location)).headers.get('upload-offset'))).toBe(offset);
      const last = await on(i).patch(location, offset, bytes.subarray(offset, offset + chunk));
      expect(last.status).toBe(204);
      offset = Number(last.headers.get('upload-offset'));
    }
    expect(offset).toBe(bytes.length);
    // The last chunk went to process 0 (six chunks, odd ones on 1); the evidence is made on process 1.
    const res = await fetch(`${bases[1]}/api/units/${org.sumenep.id}/evidence`, {
      method: 'POST',
      headers: { cookie: lead.cookie, 'x-csrf-token': lead.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ uploadId: uploadIdOf(location), title: 'Video rapat pleno' }),
    });
    expect(res.status).toBe(201);
    const evidence = (await res.json()) as { id: string; current: { id: string; sha256: string } };
    expect(evidence.current.sha256).toBe(sha256(bytes));
    const download = await fetch(
      `${bases[0]}/api/evidence/${evidence.id}/versions/${evidence.current.id}/download`,
      { headers: { cookie: lead.cookie } },
    );
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(bytes));
    // Used once: neither process turns it into evidence again.
    const again = await fetch(`${bases[0]}/api/units/${org.sumenep.id}/evidence`, {
      method: 'POST',
      headers: { cookie: lead.cookie, 'x-csrf-token': lead.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ uploadId: uploadIdOf(location), title: 'Lagi' }),
    });
    expect(again.status).toBe(404);
  });

  it('the same chunk sent to both processes at once is accepted once, and the file ends byte-identical', async () => {
    const bytes = mp4(2 * 1024 * 1024);
    const created = await on(0).create({
      length: bytes.length,
      metadata: { unitId: org.sumenep.id, filename: 'ganda.mp4' },
    });
    const location = created.headers.get('location') ?? '';
    const half = bytes.length / 2;
    const racing = await Promise.all([
      on(0).patch(location, 0, bytes.subarray(0, half)),
      on(1).patch(location, 0, bytes.subarray(0, half)),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([204, 409]);
    const rest = await on(1).patch(location, half, bytes.subarray(half));
    expect(rest.status).toBe(204);
    const res = await fetch(`${bases[0]}/api/units/${org.sumenep.id}/evidence`, {
      method: 'POST',
      headers: { cookie: lead.cookie, 'x-csrf-token': lead.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ uploadId: uploadIdOf(location), title: 'Sekali saja' }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { current: { sha256: string } }).current.sha256).toBe(sha256(bytes));
  });
});
