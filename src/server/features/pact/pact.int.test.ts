import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  logInAs,
  seedOrg,
  seedUser,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import type { Employee } from '../../../contracts/employees.ts';
import { randomUUID } from 'node:crypto';
import {
  assessments,
  auditLog,
  evidenceLinks,
  notifications,
  pactSignatures,
  pactSigningLinks,
  periods,
  users,
  filedDocuments,
} from '../../db/schema.ts';
import { sha256Hex } from '../../documents/canonical-json.ts';
import { expectOfficialDocument } from '../../../../test/support/document-pages.ts';
import { extractPdfText } from '../../render/pdf-text.ts';

type Overview = {
  document: { version: number | null; body: string; sha256: string };
  progress: { total: number; signed: number; percent: number };
};
type Link = { employeeId: string; name: string; url: string; qrSvg: string; expiresAt: string };
type StatusRow = {
  employeeId: string;
  name: string;
  signedAt: string | null;
  via: string | null;
  hasAccount: boolean;
};

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let member: Client;
let siti: Client;
let outsider: Client;
let leaderJatim: Client;
let agencyKpu: Client;
let people: Record<string, Employee>;
let bantenEmployee: Employee;
let pact: string;

const err = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const tokenOf = (url: string) => url.split('/tanda-tangan/')[1] ?? '';
const publicGet = (token: string) => t.app.inject({ method: 'GET', url: `/api/public/pact-links/${token}` });
const publicSign = (token: string, documentSha256: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/pact-links/${token}/signature`,
    payload: { documentSha256 },
  });
const overview = async () => (await lead.get(`${pact}`)).json() as Overview;

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '30' });
  org = await seedOrg(t.db);
  await seedUser(t.db, { email: 'siti@sumenep.test', homeUnit: org.sumenep });
  await seedUser(t.db, { email: 'banten@bawaslu.test', homeUnit: org.banten });
  const admin = await logInAs(t.app, 'admin@pulau.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  siti = await logInAs(t.app, 'siti@sumenep.test');
  outsider = await logInAs(t.app, 'banten@bawaslu.test');
  leaderJatim = await logInAs(t.app, 'leader@jatim.test');
  agencyKpu = await logInAs(t.app, 'agency@kpu.test');
  const add = async (body: Record<string, string>) => {
    const res = await lead.post(`/api/units/${org.sumenep.id}/employees`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Employee;
  };
  people = {
    siti: await add({
      name: 'Siti Aminah',
      nip: '199002022015022002',
      position: 'Analis',
      accountEmail: 'siti@sumenep.test',
    }),
    member: await add({
      name: 'Ahmad Member',
      nip: '198501012010011001',
      position: 'Kasubbag',
      accountEmail: 'member@sumenep.test',
    }),
    rahmat: await add({ name: 'Rahmat Pengemudi', position: 'Pengemudi' }),
    wati: await add({ name: 'Wati Pramubakti', position: 'Pramubakti' }),
  };
  // An employee of Bawaslu Banten linked to the outsider's account.
  const banten = await admin.post(`/api/units/${org.banten.id}/employees`, {
    name: 'Pegawai Banten',
    accountEmail: 'banten@bawaslu.test',
  });
  expect(banten.statusCode, banten.body).toBe(201);
  bantenEmployee = banten.json() as Employee;
  pact = `/api/units/${org.sumenep.id}/pact`;
});
afterAll(() => t.close());

describe('pact: refusals first', () => {
  it('an employee of another unit cannot sign for an employee of this unit (404)', async () => {
    const { document } = await overview();
    const res = await outsider.post('/api/me/pact/signatures', {
      employeeId: people.siti!.id,
      documentSha256: document.sha256,
    });
    expect(res.statusCode).toBe(404);
    // Nor may a colleague sign for her.
    const colleague = await member.post('/api/me/pact/signatures', {
      employeeId: people.siti!.id,
      documentSha256: document.sha256,
    });
    expect(colleague.statusCode).toBe(404);
    expect(await t.db.select().from(pactSignatures)).toHaveLength(0);
  });

  it('the outsider sees only her own unit in her pact list', async () => {
    const mine = (await outsider.get('/api/me/pact')).json() as { entries: Array<{ unitId: string }> };
    expect(mine.entries.map((e) => e.unitId)).toEqual([org.banten.id]);
  });

  it('a parent unit may read the progress but not who signed, nor the signed list (403)', async () => {
    expect((await leaderJatim.get(pact)).statusCode).toBe(200);
    expect((await leaderJatim.get(`${pact}/status`)).statusCode).toBe(403);
    expect((await agencyKpu.get(`${pact}/status`)).statusCode).toBe(403);
    expect((await agencyKpu.get(`${pact}/signed-list.pdf`)).statusCode).toBe(403);
    expect((await agencyKpu.post(`${pact}/links`, { employeeIds: [people.rahmat!.id] })).statusCode).toBe(
      403,
    );
  });

  it('a team member may not edit the text, create links or send reminders (403)', async () => {
    const body = { body: 'x'.repeat(80), baseVersion: null };
    expect((await member.post(`${pact}/versions`, body)).statusCode).toBe(403);
    expect((await member.post(`${pact}/links`, { employeeIds: [people.rahmat!.id] })).statusCode).toBe(403);
    expect((await member.post(`${pact}/reminders`, {})).statusCode).toBe(403);
  });

  it('links only for active employees of this unit (400 EMPLOYEE_NOT_IN_UNIT)', async () => {
    const res = await lead.post(`${pact}/links`, { employeeIds: [bantenEmployee.id] });
    expect(res.statusCode).toBe(400);
    expect(err(res)).toBe('EMPLOYEE_NOT_IN_UNIT');
  });

  it('an unknown or malformed token is 404 / 400', async () => {
    expect((await publicGet('x'.repeat(43))).statusCode).toBe(404);
    expect((await publicGet('bad')).statusCode).toBe(400);
  });
});

describe('pact: text and versions', () => {
  it('shows the default text (version null) with its hash until the unit saves one', async () => {
    const o = await overview();
    expect(o.document.version).toBeNull();
    expect(o.document.body).toContain('PAKTA INTEGRITAS');
    expect(o.document.body).toContain('KPU Kabupaten Sumenep');
    expect(o.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(o.progress).toEqual({ total: 4, signed: 0, percent: 0 });
  });

  it('saves an edit as version 1 with its SHA-256; a stale base is 409; the same text is 400', async () => {
    const text = `${(await overview()).document.body}\n8. Menjaga nama baik KPU.`;
    const res = await lead.post(`${pact}/versions`, { body: text, baseVersion: null });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json() as { version: number; sha256: string };
    expect(saved.version).toBe(1);
    const { createHash } = await import('node:crypto');
    expect(saved.sha256).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(err(await lead.post(`${pact}/versions`, { body: `${text} lagi`, baseVersion: null }))).toBe(
      'STALE_WRITE',
    );
    expect(err(await lead.post(`${pact}/versions`, { body: text, baseVersion: 1 }))).toBe('PACT_UNCHANGED');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'pact.document_saved'));
    expect(audit).toHaveLength(1);
  });
});

describe('pact: signing with one’s own login', () => {
  it('an old hash is 409 PACT_DOCUMENT_CHANGED', async () => {
    const res = await siti.post('/api/me/pact/signatures', {
      employeeId: people.siti!.id,
      documentSha256: 'b'.repeat(64),
    });
    expect(res.statusCode).toBe(409);
    expect(err(res)).toBe('PACT_DOCUMENT_CHANGED');
  });

  it('Siti signs her own; twice is 409 PACT_ALREADY_SIGNED', async () => {
    const mine = (await siti.get('/api/me/pact')).json() as {
      entries: Array<{
        employeeId: string;
        document: { sha256: string; version: number };
        signedAt: string | null;
      }>;
    };
    expect(mine.entries).toHaveLength(1);
    const entry = mine.entries[0]!;
    expect(entry.signedAt).toBeNull();
    const res = await siti.post('/api/me/pact/signatures', {
      employeeId: entry.employeeId,
      documentSha256: entry.document.sha256,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ via: 'login', documentSha256: entry.document.sha256 });
    const again = await siti.post('/api/me/pact/signatures', {
      employeeId: entry.employeeId,
      documentSha256: entry.document.sha256,
    });
    expect(err(again)).toBe('PACT_ALREADY_SIGNED');
    const [row] = await t.db.select().from(pactSignatures);
    expect(row?.signerUserId).not.toBeNull();
    expect((await overview()).progress).toEqual({ total: 4, signed: 1, percent: 25 });
  });
});

describe('pact: one-time signing links', () => {
  let rahmatLink: Link;
  it('creates a link with a QR code; the token is stored only hashed', async () => {
    const res = await lead.post(`${pact}/links`, { employeeIds: [people.rahmat!.id] });
    expect(res.statusCode, res.body).toBe(201);
    rahmatLink = (res.json() as { links: Link[] }).links[0]!;
    expect(rahmatLink.url).toMatch(/\/tanda-tangan\/[A-Za-z0-9_-]{43}$/);
    expect(rahmatLink.qrSvg).toContain('<svg');
    const dump = JSON.stringify(await t.db.select().from(pactSigningLinks));
    expect(dump).not.toContain(tokenOf(rahmatLink.url));
  });

  it('the public page shows the pact without a login; signing works once, a second use is 409 SIGNING_LINK_USED', async () => {
    const token = tokenOf(rahmatLink.url);
    const page = await publicGet(token);
    expect(page.statusCode, page.body).toBe(200);
    const shown = page.json() as { employeeName: string; document: { sha256: string } };
    expect(shown.employeeName).toBe('Rahmat Pengemudi');
    const first = await publicSign(token, shown.document.sha256);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ via: 'link' });
    const second = await publicSign(token, shown.document.sha256);
    expect(second.statusCode).toBe(409);
    expect(err(second)).toBe('SIGNING_LINK_USED');
    expect(err(await publicGet(token))).toBe('SIGNING_LINK_USED');
  });

  it('a wrong hash does not use up the link', async () => {
    const link = (
      (await lead.post(`${pact}/links`, { employeeIds: [people.wati!.id] })).json() as { links: Link[] }
    ).links[0]!;
    const token = tokenOf(link.url);
    expect(err(await publicSign(token, 'c'.repeat(64)))).toBe('PACT_DOCUMENT_CHANGED');
    expect((await publicGet(token)).statusCode).toBe(200);
  });
});

describe('pact: progress, reminders, signed list', () => {
  it('lists who has not signed', async () => {
    const rows = ((await lead.get(`${pact}/status`)).json() as { rows: StatusRow[] }).rows;
    expect(rows.filter((r) => r.signedAt === null).map((r) => r.name)).toEqual([
      'Ahmad Member',
      'Wati Pramubakti',
    ]);
    expect(rows.find((r) => r.name === 'Rahmat Pengemudi')?.via).toBe('link');
    expect((await overview()).progress).toEqual({ total: 4, signed: 2, percent: 50 });
  });

  it('reminds: a notice to those with an account, a fresh link shown for those without', async () => {
    const res = await lead.post(`${pact}/reminders`, {});
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { notified: number; links: Link[] };
    expect(body.notified).toBe(1);
    expect(body.links.map((l) => l.name)).toEqual(['Wati Pramubakti']);
    const notes = await t.db.select().from(notifications).where(eq(notifications.kind, 'pact.reminder'));
    expect(notes).toHaveLength(1);
    const [memberUser] = await t.db.select().from(users).where(eq(users.email, 'member@sumenep.test'));
    expect(notes[0]?.userId).toBe(memberUser?.id);
    // Wati signs with the fresh link.
    const token = tokenOf(body.links[0]!.url);
    const shown = (await publicGet(token)).json() as { document: { sha256: string } };
    expect((await publicSign(token, shown.document.sha256)).statusCode).toBe(201);
  });

  it('the signed-list PDF holds exactly the recorded signatures', async () => {
    const res = await lead.get(`${pact}/signed-list.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = extractPdfText(res.rawPayload).replace(/\s+/g, ' ');
    const signed = await t.db.select().from(pactSignatures);
    expect(signed).toHaveLength(3);
    for (const name of ['Siti Aminah', 'Rahmat Pengemudi', 'Wati Pramubakti']) expect(text).toContain(name);
    expect(text).not.toContain('Ahmad Member');
    expect(text).toContain('199002022015022002');
    expect(text).toContain('3 dari 4 pegawai aktif');
    expect(text).toContain((await overview()).document.sha256);
    expect(text).toContain('Tautan sekali pakai');
    expect(text).toContain('Akun Pulau');
    // Exactly the three recorded rows: one by login, two by link, each with its time (plus the print time).
    const count = (needle: string) => text.split(needle).length - 1;
    expect(count('Akun Pulau')).toBe(1);
    expect(count('Tautan sekali pakai')).toBe(2);
    expect(count('WIB')).toBe(signed.length + 1);
    expectOfficialDocument(res.rawPayload, 'pact-signed-list', [
      'KPU RI',
      'KPU KABUPATEN SUMENEP',
      'DAFTAR PENANDATANGAN PAKTA INTEGRITAS',
      'Mengetahui,',
      'Ketua KPU Kabupaten Sumenep,',
      'NIP.',
    ]);
    expect(res.headers['content-disposition']).toMatch(/pakta-integritas-KPU-SUMENEP-\d{4}-\d{2}-\d{2}\.pdf/);
  });

  it('attaches the signed list to P1.iv.d of a draft assessment in one step', async () => {
    const periodId = randomUUID();
    await t.db.insert(periods).values({
      id: periodId,
      agencyId: org.kpu.id,
      year: 2026,
      name: 'ZI 2026',
      templateId: 'permenpanrb-90-2021',
      templateVersion: '1.0.0',
      fillFrom: '2026-01-01',
      fillUntil: '2026-12-31',
    });
    const assessmentId = randomUUID();
    await t.db
      .insert(assessments)
      .values({ id: assessmentId, periodId, unitId: org.sumenep.id, target: 'WBK' });
    expect((await leaderJatim.post(`${pact}/evidence`, { assessmentId })).statusCode).toBe(403);
    const res = await lead.post(`${pact}/evidence`, { assessmentId });
    expect(res.statusCode, res.body).toBe(201);
    const ev = res.json() as { id: string; title: string; current: { id: string; mime: string } };
    expect(ev.current.mime).toBe('application/pdf');
    const links = await t.db.select().from(evidenceLinks).where(eq(evidenceLinks.evidenceId, ev.id));
    expect(links.map((l) => [l.code, l.checklistIndex])).toEqual([['P1.iv.d', 0]]);
    const download = await lead.get(`/api/evidence/${ev.id}/versions/${ev.current.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(extractPdfText(download.rawPayload)).toContain('Wati');
    // Filed: the evidence's bytes are the filed copy, whose hash the audit record holds and whose data hash
    // and verification code the list prints.
    const sha = sha256Hex(download.rawPayload);
    const [filed] = await t.db.select().from(filedDocuments).where(eq(filedDocuments.sha256, sha));
    expect(filed?.kind).toBe('pact_list');
    expect(extractPdfText(download.rawPayload).replace(/\s+/g, ' ')).toContain(filed!.dataSha256);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'document.filed'));
    expect(audits.map((a) => (a.after as { sha256: string }).sha256)).toContain(sha);
  });

  it('an expired link is 410 SIGNING_LINK_EXPIRED', async () => {
    const link = (
      (await lead.post(`${pact}/links`, { employeeIds: [people.wati!.id] })).json() as { links: Link[] }
    ).links[0]!;
    const { sha256 } = (await overview()).document;
    // Past the link's 14 days (sessions expire too: this test comes last among the logged-in ones).
    t.advance(15 * 24 * 3_600_000);
    const res = await publicGet(tokenOf(link.url));
    expect(res.statusCode).toBe(410);
    expect(err(res)).toBe('SIGNING_LINK_EXPIRED');
    const sign = await publicSign(tokenOf(link.url), sha256);
    expect(sign.statusCode).toBe(410);
  });
  it('the public routes are rate limited per address', async () => {
    let last = 0;
    for (let i = 0; i < 35; i += 1) last = (await publicGet('z'.repeat(43))).statusCode;
    expect(last).toBe(429);
  });
});
