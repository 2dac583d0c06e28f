import { randomUUID } from 'node:crypto';
import { assessments, employees, periods } from '../../src/server/db/schema.ts';
import type { MatrixContext, MatrixRequest, Target, Who } from './route-requests.ts';

type Entry = {
  allowed: 'all' | readonly Who[];
  build: (ctx: MatrixContext, target: Target) => Promise<MatrixRequest>;
};

const unitOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.sumenep : ctx.org.banten);
const agencyOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.kpu : ctx.org.bawaslu);

/** Personal data stays inside the unit: the matrix's agency admin (granted on KPU RI) is refused. */
const EMPLOYEE_READERS: readonly Who[] = [
  'system_admin',
  'zi_team_lead',
  'area_coordinator',
  'team_member',
  'leader',
];
const EMPLOYEE_MANAGERS: readonly Who[] = ['system_admin', 'zi_team_lead'];
const PROGRAMME_MANAGERS: readonly Who[] = ['system_admin', 'zi_team_lead'];
const UPLOADERS: readonly Who[] = ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member'];

const seedEmployee = async (ctx: MatrixContext, target: Target) => {
  const id = randomUUID();
  await ctx.t.db
    .insert(employees)
    .values({ id, unitId: unitOf(ctx, target).id, name: `Matrix ${id.slice(0, 6)}` });
  return id;
};
let nextYear = 2600;
const draftOf = new Map<Target, string>();
const draft = async (ctx: MatrixContext, target: Target) => {
  const known = draftOf.get(target);
  if (known) return known;
  const periodId = randomUUID();
  await ctx.t.db.insert(periods).values({
    id: periodId,
    agencyId: agencyOf(ctx, target).id,
    year: nextYear++,
    name: 'Matrix pact',
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: '2050-01-01',
    fillUntil: '2050-03-31',
  });
  const id = randomUUID();
  await ctx.t.db.insert(assessments).values({ id, periodId, unitId: unitOf(ctx, target).id, target: 'WBK' });
  draftOf.set(target, id);
  return id;
};
const onUnit =
  (path: string, body?: (ctx: MatrixContext, target: Target) => Promise<unknown>) =>
  async (ctx: MatrixContext, target: Target): Promise<MatrixRequest> => {
    const unitId = unitOf(ctx, target).id;
    return {
      url: `/api/units/${unitId}${path}`,
      params: { unitId },
      ...(body ? { body: await body(ctx, target) } : {}),
    };
  };

/** Employees, the integrity pact and the declaration (issue #7 items 1–2). */
export const PACT_REQUESTS: Record<string, Entry> = {
  'GET /api/units/:unitId/employees': { allowed: EMPLOYEE_READERS, build: onUnit('/employees') },
  'POST /api/units/:unitId/employees': {
    allowed: EMPLOYEE_MANAGERS,
    build: onUnit('/employees', async () => ({ name: 'Matrix pegawai' })),
  },
  'POST /api/units/:unitId/employees/import': {
    allowed: EMPLOYEE_MANAGERS,
    build: onUnit('/employees/import', async () => ({ format: 'csv', content: 'nama\nMatrix import' })),
  },
  'PATCH /api/employees/:id': {
    allowed: EMPLOYEE_MANAGERS,
    build: async (ctx, target) => {
      const id = await seedEmployee(ctx, target);
      return { url: `/api/employees/${id}`, params: { id }, body: { version: 1, position: 'Matrix' } };
    },
  },
  'GET /api/units/:unitId/pact': { allowed: 'all', build: onUnit('/pact') },
  'POST /api/units/:unitId/pact/versions': {
    allowed: PROGRAMME_MANAGERS,
    // Only the first save has the right base; later ones are 409, which is all the matrix needs.
    build: onUnit('/pact/versions', async () => ({
      body: `Pakta integritas matriks ${randomUUID()} — teks yang cukup panjang untuk disimpan sebagai versi.`,
      baseVersion: null,
    })),
  },
  'GET /api/units/:unitId/pact/status': { allowed: EMPLOYEE_READERS, build: onUnit('/pact/status') },
  'POST /api/units/:unitId/pact/links': {
    allowed: EMPLOYEE_MANAGERS,
    build: onUnit('/pact/links', async (ctx, target) => ({ employeeIds: [await seedEmployee(ctx, target)] })),
  },
  'POST /api/units/:unitId/pact/reminders': {
    allowed: EMPLOYEE_MANAGERS,
    build: onUnit('/pact/reminders', async () => ({})),
  },
  'GET /api/units/:unitId/pact/signed-list.pdf': {
    allowed: EMPLOYEE_READERS,
    build: onUnit('/pact/signed-list.pdf'),
  },
  'POST /api/units/:unitId/pact/evidence': {
    allowed: UPLOADERS,
    build: onUnit('/pact/evidence', async (ctx, target) => ({ assessmentId: await draft(ctx, target) })),
  },
  'GET /api/me/pact': { allowed: 'all', build: async () => ({ url: '/api/me/pact' }) },
  'POST /api/me/pact/signatures': {
    allowed: 'all',
    // Nobody in the matrix is linked to this employee: 404, never 403 (the route is per caller).
    build: async (ctx, target) => ({
      url: '/api/me/pact/signatures',
      body: { employeeId: await seedEmployee(ctx, target), documentSha256: 'a'.repeat(64) },
    }),
  },
  'GET /api/units/:unitId/declaration': { allowed: 'all', build: onUnit('/declaration') },
  'PUT /api/units/:unitId/declaration': {
    allowed: PROGRAMME_MANAGERS,
    build: onUnit('/declaration', async () => ({
      version: null,
      declaredOn: '2026-01-15',
      mode: 'online',
      place: 'Zoom',
    })),
  },
};
