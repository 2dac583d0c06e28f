import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../../test/support/test-app.ts';
import { uploadIdOf } from '../../../../test/support/tus-client.ts';
import {
  csv,
  exe,
  html,
  mp4,
  pdf,
  png,
  svgWithScript,
  zip,
} from '../../../../test/fixtures/evidence-files.ts';
import { uploadParts } from '../../db/schema.ts';
import { startEvidenceApp, type EvidenceApp } from './evidence-test-kit.ts';

const MAX = 4 * 1024 * 1024;
let e: EvidenceApp;
let lead: Client;
let member: Client;
let bawaslu: Client;

beforeAll(async () => {
  e = await startEvidenceApp({ PULAU_UPLOAD_MAX_BYTES: String(MAX) });
  lead = await e.logIn('lead@sumenep.test');
  member = await e.logIn('member@sumenep.test');
  bawaslu = await e.logIn('agency@bawaslu.test');
});
afterAll(() => e.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

const createEvidence = (client: Client, uploadId: string, title = 'Bukti') =>
  client.post(`/api/units/${e.org.sumenep.id}/evidence`, { uploadId, title });

describe('uploads: refusals first', () => {
  it('401 without a session, 403 without the CSRF header', async () => {
    const anonymous = await e
      .tus(null)
      .create({ length: 10, metadata: { unitId: e.org.sumenep.id, filename: 'a.pdf' } });
    expect(anonymous.status).toBe(401);
    const noCsrf = await e.tus({ cookie: lead.cookie, csrfToken: '' }).create({
      length: 10,
      metadata: { unitId: e.org.sumenep.id, filename: 'a.pdf' },
    });
    expect(noCsrf.status).toBe(403);
    expect(await errorOf(noCsrf)).toBe('CSRF_TOKEN_INVALID');
  });

  it('403 for someone who may not upload evidence on that unit', async () => {
    const res = await e
      .tus(bawaslu)
      .create({ length: 10, metadata: { unitId: e.org.sumenep.id, filename: 'a.pdf' } });
    expect(res.status).toBe(403);
  });

  it('413 when Upload-Length exceeds the limit, before any byte is sent', async () => {
    const res = await e
      .tus(lead)
      .create({ length: MAX + 1, metadata: { unitId: e.org.sumenep.id, filename: 'v.mp4' } });
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toBe('FILE_TOO_LARGE');
  });

  it('400 EMPTY_FILE for a zero-byte file; 400 without unitId or filename', async () => {
    const empty = await e
      .tus(lead)
      .create({ length: 0, metadata: { unitId: e.org.sumenep.id, filename: 'a.pdf' } });
    expect(empty.status).toBe(400);
    expect(await errorOf(empty)).toBe('EMPTY_FILE');
    const noMeta = await e.tus(lead).create({ length: 10, metadata: { filename: 'a.pdf' } });
    expect(noMeta.status).toBe(400);
    expect(await errorOf(noMeta)).toBe('UPLOAD_METADATA_REQUIRED');
  });

  it('415 at creation for a name outside the allow-list (.html, .svg, .exe)', async () => {
    for (const filename of ['index.html', 'logo.svg', 'setup.exe', 'noextension']) {
      const res = await e.tus(lead).create({ length: 10, metadata: { unitId: e.org.sumenep.id, filename } });
      expect(res.status, filename).toBe(415);
      expect(await errorOf(res)).toBe('UNSUPPORTED_FILE_TYPE');
    }
  });

  it('refuses an executable or a ZIP renamed .pdf when the bytes arrive (FILE_EXTENSION_MISMATCH)', async () => {
    for (const bytes of [exe(), zip()]) {
      const { uploadId, last } = await e.upload(lead, bytes, 'laporan.pdf');
      expect(last.status).toBe(415);
      expect(await errorOf(last)).toBe('FILE_EXTENSION_MISMATCH');
      const res = await createEvidence(lead, uploadId);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('FILE_EXTENSION_MISMATCH');
    }
  });

  it('refuses HTML and an SVG with script even when renamed', async () => {
    for (const [bytes, filename] of [
      [html(), 'catatan.txt'],
      [svgWithScript(), 'foto.png'],
      [svgWithScript(), 'data.csv'],
      [html(), 'laporan.pdf'],
    ] as const) {
      const { last } = await e.upload(lead, bytes, filename);
      expect(last.status, filename).toBe(415);
      expect(['UNSUPPORTED_FILE_TYPE', 'FILE_EXTENSION_MISMATCH']).toContain(await errorOf(last));
    }
    const { last } = await e.upload(lead, html(), 'catatan.txt');
    expect(await errorOf(last)).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('no chunk or scratch file stays after a refusal', async () => {
    await e.upload(lead, exe(), 'x.pdf');
    expect(readdirSync(join(e.dataDir, 'uploads', 'scratch'))).toEqual([]);
    expect(readdirSync(join(e.dataDir, 'blobs', 'uploads'))).toEqual([]);
    expect(await e.t.db.select().from(uploadParts)).toEqual([]);
  });

  it('another user can neither PATCH nor HEAD an upload (404)', async () => {
    const created = await e
      .tus(lead)
      .create({ length: 100, metadata: { unitId: e.org.sumenep.id, filename: 'a.csv' } });
    expect(created.status).toBe(201);
    const location = created.headers.get('location') ?? '';
    expect((await e.tus(member).head(location)).status).toBe(404);
    expect((await e.tus(member).patch(location, 0, csv())).status).toBe(404);
    expect((await e.tus(bawaslu).patch(location, 0, csv())).status).toBe(404);
    expect((await e.tus(lead).head(location)).status).toBe(200);
  });

  it("another user cannot turn someone's finished upload into evidence (404)", async () => {
    const { uploadId } = await e.upload(lead, csv(), 'milik-ketua.csv');
    const res = await createEvidence(member, uploadId);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('UPLOAD_NOT_FOUND');
  });

  it('a path-traversal name is stored as its base name; a name of only control characters is refused', async () => {
    const { uploadId, last } = await e.upload(lead, pdf('traversal'), '../../etc/passwd.pdf');
    expect(last.status).toBe(204);
    const res = await createEvidence(lead, uploadId);
    expect(res.statusCode).toBe(201);
    expect(res.json().current.filename).toBe('passwd.pdf');
    const bad = await e
      .tus(lead)
      .create({ length: 10, metadata: { unitId: e.org.sumenep.id, filename: '\u0001\u202e/' } });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toBe('INVALID_FILE_NAME');
  });
});

describe('uploads: resumable', () => {
  it('an upload aborted half-way resumes and ends byte-identical', async () => {
    const bytes = mp4(3 * 1024 * 1024);
    const client = e.tus(lead);
    const created = await client.create({
      length: bytes.length,
      metadata: { unitId: e.org.sumenep.id, filename: 'rapat.mp4' },
    });
    const location = created.headers.get('location') ?? '';
    // Send half, then cut the connection as a train going into a tunnel would.
    const abort = new AbortController();
    const half = bytes.subarray(0, bytes.length / 2);
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(half.subarray(0, 1024 * 1024));
        controller.enqueue(half.subarray(1024 * 1024));
        await new Promise((r) => setTimeout(r, 300));
        abort.abort();
      },
    });
    await fetch(client.url(location), {
      method: 'PATCH',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        cookie: lead.cookie,
        'x-csrf-token': lead.csrfToken,
      },
      body,
      duplex: 'half',
      signal: abort.signal,
    } as RequestInit).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    const head = await client.head(location);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(bytes.length);
    const rest = await client.patch(location, offset, bytes.subarray(offset));
    expect(rest.status).toBe(204);
    const created2 = await createEvidence(lead, uploadIdOf(location), 'Video rapat');
    expect(created2.statusCode).toBe(201);
    const evidence = created2.json();
    expect(evidence.current.sha256).toBe(sha256(bytes));
    const download = await fetch(
      `${e.base}/api/evidence/${evidence.id}/versions/${evidence.current.id}/download`,
      {
        headers: { cookie: lead.cookie },
      },
    );
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(bytes));
    // The owner's HEAD after completion says "complete" instead of "start over".
    const after = await client.head(location);
    expect([200, 404]).toContain(after.status);
  });

  it('accepts each allowed kind whose name matches its bytes', async () => {
    for (const [bytes, filename] of [
      [png(), 'foto.png'],
      [pdf('kind'), 'sk.pdf'],
      [mp4(4096), 'klip.mp4'],
      [csv(), 'data.csv'],
      [Buffer.from('Catatan rapat\n'), 'catatan.txt'],
    ] as const) {
      const { last } = await e.upload(lead, bytes, filename);
      expect(last.status, filename).toBe(204);
    }
  });
});
