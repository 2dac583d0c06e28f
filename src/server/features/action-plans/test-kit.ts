import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import {
  createTestApp,
  logInAs,
  seedOrg,
  seedUnit,
  seedUser,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { put } from '../../../../test/support/lke-answers.ts';
import { assessments, employees, evidence, periods } from '../../db/schema.ts';

/** The plans' test clock: 20 August 2026, 10:00 WIB — Q1 and Q2 over (Q2 due since 16 July), Q3 running. */
export const TODAY = '2026-08-20T03:00:00Z';
export const YEAR = 2026;

/**
 * The seeded organisation plus the people of the action-plan tests: Sumenep's area-1 coordinator, area-2
 * member and own leader; Jawa Timur's team lead (a parent); a sibling regency's lead; a staff member of Sumenep
 * with no role but a linked employee record; employees to name as persons in charge.
 */
export const startPlanApp = async () => {
  const t: TestApp = await createTestApp();
  t.advance(Date.parse(TODAY) - Date.now());
  const org = await seedOrg(t.db);
  const bangkalan = await seedUnit(t.db, org.jatim, 'KPU-BANGKALAN', 'KPU Kabupaten Bangkalan');
  const users = {
    coord1: await seedUser(t.db, {
      email: 'coord1@sumenep.test',
      homeUnit: org.sumenep,
      grants: [{ role: 'area_coordinator', unit: org.sumenep, area: 1 }],
    }),
    member2: await seedUser(t.db, {
      email: 'member2@sumenep.test',
      homeUnit: org.sumenep,
      grants: [{ role: 'team_member', unit: org.sumenep, area: 2 }],
    }),
    leader: await seedUser(t.db, {
      email: 'leader@sumenep.test',
      homeUnit: org.sumenep,
      grants: [{ role: 'leader', unit: org.sumenep }],
    }),
    jatimLead: await seedUser(t.db, {
      email: 'lead@jatim.test',
      homeUnit: org.jatim,
      grants: [{ role: 'zi_team_lead', unit: org.jatim }],
    }),
    bangkalanLead: await seedUser(t.db, {
      email: 'lead@bangkalan.test',
      homeUnit: bangkalan,
      grants: [{ role: 'zi_team_lead', unit: bangkalan }],
    }),
    staff: await seedUser(t.db, { email: 'staff@sumenep.test', homeUnit: org.sumenep }),
  };
  const employee = async (unitId: string, name: string, userId: string | null = null) => {
    const id = randomUUID();
    await t.db.insert(employees).values({ id, unitId, name, nip: null, userId });
    return id;
  };
  const people = {
    siti: await employee(org.sumenep.id, 'Siti Aminah'),
    staff: await employee(org.sumenep.id, 'Budi Staf', users.staff),
    foreign: await employee(bangkalan.id, 'Pegawai Bangkalan'),
  };
  /** A period of KPU for `year` and the unit's assessment in it. */
  const seedAssessment = async (unitId: string, year: number, status = 'draft') => {
    const periodId = randomUUID();
    const id = randomUUID();
    await t.db.insert(periods).values({
      id: periodId,
      agencyId: org.kpu.id,
      year,
      name: `ZI ${year}`,
      templateId: 'permenpanrb-90-2021',
      templateVersion: '1.0.0',
      fillFrom: `${year}-01-01`,
      fillUntil: `${year}-12-31`,
    });
    await t.db.insert(assessments).values({ id, periodId, unitId, target: 'WBK', status });
    return id;
  };
  /** A piece of evidence of the unit (no bytes: the plans only name and link it). */
  const seedEvidence = async (unitId: string, title: string) => {
    const id = randomUUID();
    await t.db.insert(evidence).values({ id, unitId, title });
    return id;
  };
  const clients = new Map<string, Client>();
  const as = async (email: string) => {
    let c = clients.get(email);
    if (!c) {
      c = await logInAs(t.app, email);
      clients.set(email, c);
    }
    return c;
  };
  const putJson = async (email: string, url: string, body: unknown): Promise<LightMyRequestResponse> =>
    put(t.app, await as(email), url, body);
  return { t, org: { ...org, bangkalan }, users, people, seedAssessment, seedEvidence, as, putJson };
};

export type PlanApp = Awaited<ReturnType<typeof startPlanApp>>;

export const activityBody = (over: Record<string, unknown> = {}) => ({
  title: 'Sosialisasi pembangunan ZI',
  output: 'Laporan sosialisasi',
  target: 4,
  targetUnit: 'kegiatan',
  quarters: [1, 2, 3, 4],
  lkeCodes: ['P1.ii.c'],
  ...over,
});
