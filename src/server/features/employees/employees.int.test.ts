import ExcelJS from 'exceljs';
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
import { auditLog, employees } from '../../db/schema.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let member: Client;
let leaderJatim: Client;
let agencyKpu: Client;
let agencyBawaslu: Client;
let sumenepLeader: Client;
let base: string;

const NIP_A = '198501012010011001';
const NIP_B = '199002022015022002';
const NIP_C = '199103032016032003';

const xlsxBase64 = async (rows: Array<Array<string | number>>) => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Pegawai');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  await seedUser(t.db, {
    email: 'leader@sumenep.test',
    homeUnit: org.sumenep,
    grants: [{ role: 'leader', unit: org.sumenep }],
  });
  await seedUser(t.db, { email: 'siti@sumenep.test', homeUnit: org.sumenep });
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  leaderJatim = await logInAs(t.app, 'leader@jatim.test');
  agencyKpu = await logInAs(t.app, 'agency@kpu.test');
  agencyBawaslu = await logInAs(t.app, 'agency@bawaslu.test');
  sumenepLeader = await logInAs(t.app, 'leader@sumenep.test');
  base = `/api/units/${org.sumenep.id}/employees`;
});
afterAll(() => t.close());

describe('employees: refusals first', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: base });
    expect(res.statusCode).toBe(401);
  });

  it("a parent unit's leader and the agency admin of a parent may not read personal data (403)", async () => {
    expect((await leaderJatim.get(base)).statusCode).toBe(403);
    expect((await agencyKpu.get(base)).statusCode).toBe(403);
    expect((await agencyBawaslu.get(base)).statusCode).toBe(403);
  });

  it('a team member or the unit leader may read but not add, import or edit (403)', async () => {
    expect((await member.get(base)).statusCode).toBe(200);
    expect((await sumenepLeader.get(base)).statusCode).toBe(200);
    expect((await member.post(base, { name: 'X' })).statusCode).toBe(403);
    const imp = await member.post(`${base}/import`, { format: 'csv', content: 'nama\nX' });
    expect(imp.statusCode).toBe(403);
    expect((await agencyKpu.post(`${base}/import`, { format: 'csv', content: 'nama\nX' })).statusCode).toBe(
      403,
    );
  });

  it('unknown unit or employee → 404; bad NIP → 400', async () => {
    expect((await lead.get('/api/units/00000000-0000-4000-8000-000000000000/employees')).statusCode).toBe(
      404,
    );
    const res = await lead.patch('/api/employees/00000000-0000-4000-8000-000000000000', { version: 1 });
    expect(res.statusCode).toBe(404);
    const bad = await lead.post(base, { name: 'Budi', nip: '12345' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('employees: import', () => {
  it('reports every bad line and imports nothing (CSV)', async () => {
    const csv = [
      'nama;nip;jabatan;golongan;email',
      `Andi;${NIP_A};Kasubbag;III/c;`,
      ';199001012015011001;Staf;;', // no name
      'Badu;12345;Staf;;', // short NIP
      `Cici;${NIP_A};Staf;;`, // duplicate in the file
      'Dedi;;Staf;;bukan-email', // bad e-mail
    ].join('\n');
    const res = await lead.post(`${base}/import`, { format: 'csv', content: csv });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; details: Array<{ line: number; field: string }> } };
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.error.details.map((p) => [p.line, p.field])).toEqual([
      [3, 'name'],
      [4, 'nip'],
      [5, 'nip'],
      [6, 'email'],
    ]);
    expect(await t.db.select().from(employees)).toHaveLength(0);
  });

  it('names the row and column of each problem with a stable code', async () => {
    const csv = ['nama;jabatan;nip', 'Andi;Staf, Umum;1,98501E+17', ';Staf;'].join('\r\n');
    const res = await lead.post(`${base}/import`, { format: 'csv', content: csv });
    expect(res.statusCode).toBe(400);
    const details = (res.json() as { error: { details: Array<Record<string, unknown>> } }).error.details;
    expect(details).toMatchObject([
      { line: 2, column: 'C', field: 'nip', code: 'NIP_AS_NUMBER', value: '1,98501E+17' },
      { line: 3, column: 'A', field: 'name', code: 'NAME_REQUIRED' },
    ]);
  });

  it('a file without a name column is refused with the header named', async () => {
    const res = await lead.post(`${base}/import`, { format: 'csv', content: 'nip\n123' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: Array<{ field: string }> } }).error.details[0]?.field).toBe(
      'header',
    );
  });

  it('imports an XLSX (header in Indonesian, any case) and links an account by e-mail', async () => {
    const content = await xlsxBase64([
      ['Nama', 'NIP', 'Jabatan', 'Golongan', 'Email'],
      ['Andi Wijaya', NIP_A, 'Kepala Subbagian', 'III/c', ''],
      ['Siti Aminah', NIP_B, 'Staf', 'II/b', 'Siti@Sumenep.test'],
      ['Rahmat (PPNPN)', '', 'Pengemudi', '', ''],
    ]);
    const res = await lead.post(`${base}/import`, { format: 'xlsx', content });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, linked: 1 });
    const list = (await lead.get(base)).json() as { employees: Employee[] };
    expect(list.employees.map((e) => e.name)).toEqual(['Andi Wijaya', 'Rahmat (PPNPN)', 'Siti Aminah']);
    const siti = list.employees.find((e) => e.name === 'Siti Aminah');
    expect(siti?.nip).toBe(NIP_B);
    expect(siti?.account?.email).toBe('siti@sumenep.test');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'employee.imported'));
    expect(audit).toHaveLength(1);
  });

  it('a NIP already on the list is reported, nothing imported', async () => {
    const res = await lead.post(`${base}/import`, {
      format: 'csv',
      content: `nama,nip\nBaru,${NIP_A}\nLain,199912312020121001`,
    });
    expect(res.statusCode).toBe(400);
    const details = (res.json() as { error: { details: Array<{ line: number; message: string }> } }).error
      .details;
    expect(details).toHaveLength(1);
    expect(details[0]?.line).toBe(2);
    expect(await t.db.select().from(employees)).toHaveLength(3);
  });

  it('an unreadable XLSX is a 400 IMPORT_INVALID', async () => {
    const res = await lead.post(`${base}/import`, {
      format: 'xlsx',
      content: Buffer.from('no zip').toString('base64'),
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { code: string } }).error.code).toBe('IMPORT_INVALID');
  });
});

describe('employees: create, edit, link, deactivate', () => {
  let budi: Employee;
  it('creates one; a taken NIP is 409 NIP_TAKEN; an unknown account is 400', async () => {
    const res = await lead.post(base, {
      name: 'Budi Santoso',
      nip: '1990 0303 2016 03 1 003',
      position: 'Analis',
    });
    expect(res.statusCode, res.body).toBe(201);
    budi = res.json() as Employee;
    expect(budi.nip).toBe('199003032016031003');
    expect((await lead.post(base, { name: 'Lagi', nip: NIP_A })).json()).toMatchObject({
      error: { code: 'NIP_TAKEN' },
    });
    const unknown = await lead.post(base, { name: 'Tanpa', accountEmail: 'nobody@x.test' });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { error: { code: string } }).error.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('links an account; the same account on a second employee of the unit is 409', async () => {
    const res = await lead.patch(`/api/employees/${budi.id}`, {
      version: budi.version,
      accountEmail: 'member@sumenep.test',
    });
    expect(res.statusCode, res.body).toBe(200);
    budi = res.json() as Employee;
    expect(budi.account?.email).toBe('member@sumenep.test');
    const again = await lead.post(base, { name: 'Kembar', accountEmail: 'member@sumenep.test' });
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { code: string } }).error.code).toBe('ACCOUNT_ALREADY_LINKED');
  });

  it('a stale version is 409 STALE_WRITE; deactivating keeps the row', async () => {
    const stale = await lead.patch(`/api/employees/${budi.id}`, { version: 1, position: 'X' });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { code: string } }).error.code).toBe('STALE_WRITE');
    const off = await lead.patch(`/api/employees/${budi.id}`, { version: budi.version, active: false });
    expect(off.statusCode).toBe(200);
    expect((off.json() as Employee).active).toBe(false);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'employee.deactivated'));
    expect(audit.map((a) => a.subjectId)).toEqual([budi.id]);
  });

  it('the agency admin of another agency cannot edit; the parent leader cannot either', async () => {
    expect(
      (await agencyBawaslu.patch(`/api/employees/${budi.id}`, { version: 3, name: 'X' })).statusCode,
    ).toBe(403);
    expect((await leaderJatim.patch(`/api/employees/${budi.id}`, { version: 3, name: 'X' })).statusCode).toBe(
      403,
    );
  });
});

describe('employees: spreadsheets as Indonesians save them', () => {
  it('reads a CSV saved by Excel in the Indonesian locale: `;`, BOM, CRLF, a comma inside a job title', async () => {
    const csv =
      '\uFEFFNama;NIP;Jabatan;Golongan;Email\r\n' +
      `Wulan Sari;${NIP_C};Kepala Subbagian Umum, Keuangan dan Logistik;III/c;\r\n` +
      '"Rahmat; PPNPN";;Pengemudi;;\r\n';
    const res = await lead.post(`${base}/import`, { format: 'csv', content: csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, linked: 0 });
    const list = (await lead.get(base)).json() as { employees: Employee[] };
    const byName = new Map(list.employees.map((e) => [e.name, e]));
    expect(byName.get('Wulan Sari')).toMatchObject({
      nip: NIP_C,
      position: 'Kepala Subbagian Umum, Keuangan dan Logistik',
      grade: 'III/c',
    });
    expect(byName.get('Rahmat; PPNPN')?.position).toBe('Pengemudi');
  });
});
