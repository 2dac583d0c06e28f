import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../../test/support/test-app.ts';
import { csv, mp4, pdf, png } from '../../../../test/fixtures/evidence-files.ts';
import type { Evidence } from '../../../contracts/evidence.ts';
import { auditLog, blobs } from '../../db/schema.ts';
import { startEvidenceApp, type EvidenceApp } from './evidence-test-kit.ts';

let e: EvidenceApp;
let lead: Client;
let member: Client;
let bawaslu: Client;
let leader: Client;
let draftId: string;
let submittedId: string;
let foreignAssessmentId: string;
let sk: Evidence;
let video: Evidence;

const url = (ev: Evidence, versionId = ev.current?.id ?? '') =>
  `/api/evidence/${ev.id}/versions/${versionId}/download`;

/** Uploads through tus and creates evidence; fails loudly if either step does. */
const addEvidence = async (client: Client, bytes: Buffer, filename: string, title: string, extra = {}) => {
  const { uploadId, last } = await e.upload(client, bytes, filename);
  expect(last.status).toBe(204);
  const res = await client.post(`/api/units/${e.org.sumenep.id}/evidence`, { uploadId, title, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Evidence;
};

beforeAll(async () => {
  e = await startEvidenceApp();
  lead = await e.logIn('lead@sumenep.test');
  member = await e.logIn('member@sumenep.test');
  bawaslu = await e.logIn('agency@bawaslu.test');
  leader = await e.logIn('leader@jatim.test');
  draftId = await e.seedAssessment(e.org.sumenep.id, e.org.kpu.id, 2026);
  submittedId = await e.seedAssessment(e.org.sumenep.id, e.org.kpu.id, 2025, 'submitted');
  foreignAssessmentId = await e.seedAssessment(e.org.banten.id, e.org.bawaslu.id, 2026);
  sk = await addEvidence(lead, pdf('SK Tim ZI 2026'), 'SK Tim ZI.pdf', 'SK Tim Zona Integritas', {
    description: 'Surat keputusan pembentukan tim',
    effectiveDate: '2026-01-05',
  });
  video = await addEvidence(member, mp4(64 * 1024), 'rapat-kerja.mp4', 'Video rapat kerja');
});
afterAll(() => e.close());

describe('evidence: refusals first', () => {
  it('401 without a session', async () => {
    const res = await e.t.app.inject({ method: 'GET', url: `/api/evidence/${sk.id}` });
    expect(res.statusCode).toBe(401);
  });

  it('403 for a foreign agency reading, listing or downloading by id', async () => {
    expect((await bawaslu.get(`/api/evidence/${sk.id}`)).statusCode).toBe(403);
    expect((await bawaslu.get(`/api/units/${e.org.sumenep.id}/evidence`)).statusCode).toBe(403);
    expect((await bawaslu.get(url(sk))).statusCode).toBe(403);
    const ranged = await e.t.app.inject({
      method: 'GET',
      url: url(video),
      headers: { cookie: bawaslu.cookie, range: 'bytes=0-99' },
    });
    expect(ranged.statusCode).toBe(403);
  });

  it('403 for a leader editing (read-only) and for a foreign agency editing', async () => {
    expect((await leader.get(`/api/evidence/${sk.id}`)).statusCode).toBe(200);
    expect(
      (await leader.patch(`/api/evidence/${sk.id}`, { version: sk.version, title: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await bawaslu.patch(`/api/evidence/${sk.id}`, { version: sk.version, title: 'x' })).statusCode,
    ).toBe(403);
  });

  it('404 for an unknown id; 404 for a version of other evidence', async () => {
    expect((await lead.get('/api/evidence/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await lead.get(url(sk, video.current?.id))).statusCode).toBe(404);
  });

  it('404 UPLOAD_NOT_FOUND for an unknown or already used upload id', async () => {
    const res = await lead.post(`/api/units/${e.org.sumenep.id}/evidence`, {
      uploadId: 'ffffffffffffffffffffffffffffffff',
      title: 'x',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('UPLOAD_NOT_FOUND');
  });

  it('409 STALE_WRITE with the current value on an edit from an old version', async () => {
    const first = await lead.patch(`/api/evidence/${sk.id}`, {
      version: sk.version,
      title: 'SK Tim ZI (revisi)',
    });
    expect(first.statusCode).toBe(200);
    const stale = await member.patch(`/api/evidence/${sk.id}`, { version: sk.version, description: 'lama' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    expect(stale.json().error.details.current.title).toBe('SK Tim ZI (revisi)');
    sk = first.json();
  });

  it('403 for a team member without an area linking to an item; 409 on a submitted assessment', async () => {
    const res = await member.post(`/api/assessments/${draftId}/items/P1.i.a/evidence`, { evidenceId: sk.id });
    expect(res.statusCode).toBe(403);
    const locked = await lead.post(`/api/assessments/${submittedId}/items/P1.i.a/evidence`, {
      evidenceId: sk.id,
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('ASSESSMENT_LOCKED');
  });

  it("400 linking to another unit's assessment or an unknown item", async () => {
    const foreign = await lead.post(`/api/units/${e.org.sumenep.id}/evidence`, {
      uploadId: (await e.upload(lead, csv(), 'x.csv')).uploadId,
      title: 'x',
      link: { assessmentId: foreignAssessmentId, code: 'P1.i.a' },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('ASSESSMENT_UNIT_MISMATCH');
    const unknown = await lead.post(`/api/assessments/${draftId}/items/P9.z/evidence`, { evidenceId: sk.id });
    expect(unknown.statusCode).toBe(400);
    const notAnItem = await lead.post(`/api/assessments/${draftId}/items/P1.i.zz/evidence`, {
      evidenceId: sk.id,
    });
    expect(notAnItem.statusCode).toBe(404);
  });

  it('416 for an unsatisfiable range; 400 for inline on a type that may not be shown inline', async () => {
    const res = await e.t.app.inject({
      method: 'GET',
      url: url(video),
      headers: { cookie: lead.cookie, range: 'bytes=99999999-' },
    });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${video.current?.size}`);
    const table = await addEvidence(lead, csv(), 'rekap.csv', 'Rekap');
    const inline = await lead.get(`${url(table)}?inline=1`);
    expect(inline.statusCode).toBe(400);
    expect(inline.json().error.code).toBe('INLINE_NOT_ALLOWED');
  });
});

describe('evidence: the library', () => {
  it('the same bytes twice are stored once', async () => {
    const again = await addEvidence(lead, pdf('SK Tim ZI 2026'), 'salinan.pdf', 'Salinan SK');
    expect(again.current?.sha256).toBe(sk.current?.sha256);
    const rows = await e.t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(blobs)
      .where(eq(blobs.sha256, sk.current?.sha256 ?? ''));
    expect(rows[0]?.n).toBe(1);
  });

  it('lists, searches title, description and file names, and filters by type', async () => {
    const list = async (query: string) =>
      (
        (await lead.get(`/api/units/${e.org.sumenep.id}/evidence${query}`)).json() as { evidence: Evidence[] }
      ).evidence.map((ev) => ev.title);
    expect(await list('')).toEqual(expect.arrayContaining(['SK Tim ZI (revisi)', 'Video rapat kerja']));
    expect(await list('?q=keputusan')).toEqual(['SK Tim ZI (revisi)']);
    expect(await list('?q=rapat-kerja')).toEqual(['Video rapat kerja']);
    expect(await list('?mime=video')).toEqual(['Video rapat kerja']);
    expect(await list('?q=100%25')).toEqual([]);
  });

  it('a new version keeps the old one in the history, still downloadable', async () => {
    const { uploadId } = await e.upload(lead, pdf('SK Tim ZI 2026 perubahan'), 'SK Tim ZI v2.pdf');
    const res = await lead.post(`/api/evidence/${sk.id}/versions`, { uploadId, version: sk.version });
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json() as Evidence;
    expect(updated.versions).toHaveLength(2);
    expect(updated.current?.filename).toBe('SK Tim ZI v2.pdf');
    const old = updated.versions.find((v) => v.id === sk.current?.id);
    expect(old?.filename).toBe('SK Tim ZI.pdf');
    const download = await lead.get(url(updated, old?.id));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf('SK Tim ZI 2026'))).toBe(true);
    const stale = await lead.post(`/api/evidence/${sk.id}/versions`, {
      uploadId: (await e.upload(lead, pdf('v3'), 'v3.pdf')).uploadId,
      version: sk.version,
    });
    expect(stale.statusCode).toBe(409);
    sk = updated;
  });

  it('one piece of evidence serves two items; unlinking one keeps the other', async () => {
    const first = await lead.post(`/api/assessments/${draftId}/items/P1.i.a/evidence`, { evidenceId: sk.id });
    expect(first.statusCode, first.body).toBe(200);
    const second = await lead.post(`/api/assessments/${draftId}/items/P3.ii.a/evidence`, {
      evidenceId: sk.id,
      checklistIndex: 0,
    });
    expect(second.json().links).toEqual([
      { assessmentId: draftId, code: 'P1.i.a', checklistIndex: null },
      { assessmentId: draftId, code: 'P3.ii.a', checklistIndex: 0 },
    ]);
    const byItem = await lead.get(
      `/api/units/${e.org.sumenep.id}/evidence?assessmentId=${draftId}&code=P3.ii.a`,
    );
    expect(byItem.json().evidence.map((ev: Evidence) => ev.id)).toEqual([sk.id]);
    const removed = await lead.delete(`/api/assessments/${draftId}/items/P1.i.a/evidence/${sk.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().links.map((l: { code: string }) => l.code)).toEqual(['P3.ii.a']);
    expect((await lead.delete(`/api/assessments/${draftId}/items/P1.i.a/evidence/${sk.id}`)).statusCode).toBe(
      404,
    );
  });

  it('creation can attach to an item at once', async () => {
    const ev = await addEvidence(lead, png(), 'foto-apel.png', 'Foto apel', {
      link: { assessmentId: draftId, code: 'R5.iii.a.1.2' },
    });
    expect(ev.links).toEqual([{ assessmentId: draftId, code: 'R5.iii.a.1.2', checklistIndex: null }]);
  });

  it('downloads as an attachment with nosniff and a sandbox CSP; a range of a video streams (206)', async () => {
    const full = await lead.get(url(sk));
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-disposition']).toBe(
      `attachment; filename="SK Tim ZI v2.pdf"; filename*=UTF-8''SK%20Tim%20ZI%20v2.pdf`,
    );
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(full.headers['content-security-policy']).toBe('sandbox');
    expect(full.headers['content-type']).toBe('application/pdf');

    const bytes = mp4(64 * 1024);
    const part = await e.t.app.inject({
      method: 'GET',
      url: `${url(video)}?inline=1`,
      headers: { cookie: member.cookie, range: 'bytes=1000-1999' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(part.headers['content-disposition']).toMatch(/^inline; /);
    expect(part.headers['content-security-policy']).toBe('sandbox');
    expect(part.headers['x-content-type-options']).toBe('nosniff');
    expect(part.rawPayload.equals(bytes.subarray(1000, 2000))).toBe(true);
    const tail = await e.t.app.inject({
      method: 'GET',
      url: url(video),
      headers: { cookie: member.cookie, range: 'bytes=-10' },
    });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(bytes.subarray(bytes.length - 10))).toBe(true);
  });

  it('every change left an audit record', async () => {
    const rows = await e.t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'evidence'), eq(auditLog.subjectId, sk.id)));
    expect(rows.map((r) => r.action).sort()).toEqual(
      [
        'evidence.created',
        'evidence.linked',
        'evidence.linked',
        'evidence.unlinked',
        'evidence.updated',
        'evidence.version_added',
      ].sort(),
    );
  });
});
