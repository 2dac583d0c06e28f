import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { can, type Actor } from '../../src/core/org/can.ts';
import { ROLES, type Role } from '../../src/core/org/roles.ts';
import type { AnyRouteSpec, TypedRequest } from '../../src/server/http/route.ts';
import { activeGrantsForActor, findUserByEmail } from '../../src/server/features/auth/repo.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  seedUnit,
  seedUser,
  type Client,
  type TestApp,
} from '../support/test-app.ts';
import { put } from '../support/lke-answers.ts';
import { requestFor, type MatrixContext, type Target, type Who } from './route-requests.ts';

/**
 * The authorisation matrix, generated from the route table: every route × every role × own unit / foreign
 * unit. A route must answer 403 exactly when `can()` refuses its declared action on the subject its own
 * resolver names, never 500, and never hand a foreign agency's data to anyone but a system administrator.
 */
const WHO: Who[] = ['system_admin', ...ROLES];

let t: TestApp;
let ctx: MatrixContext;
const clients = new Map<Who, Client>();
const actors = new Map<Who, Actor>();

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  const org = await seedOrg(t.db);
  const grantOn = (role: Role) => (role === 'agency_admin' || role.startsWith('tp') ? org.kpu : org.sumenep);
  for (const who of WHO) {
    const email = `matrix-${who}@pulau.test`;
    await seedUser(t.db, {
      email,
      homeUnit: org.sumenep,
      isSystemAdmin: who === 'system_admin',
      grants:
        who === 'system_admin'
          ? []
          : [
              {
                role: who,
                unit: grantOn(who),
                ...(who === 'area_coordinator' || who === 'team_member' ? { area: 1 as const } : {}),
              },
            ],
    });
    clients.set(who, await logInAs(t.app, email));
    const user = await findUserByEmail(t.db, email);
    actors.set(who, {
      userId: user!.id,
      isSystemAdmin: who === 'system_admin',
      grants: await activeGrantsForActor(t.db, user!.id),
    });
  }
  ctx = {
    t,
    org,
    seedUnit: (parent) => seedUnit(t.db, parent, `M-${randomUUID().slice(0, 8)}`, 'Matrix unit', 'upt'),
  };
});
afterAll(() => t.close());

const routeId = (spec: AnyRouteSpec) => `${spec.method} ${spec.url}`;

describe('authorisation matrix', () => {
  it('every route of the table has a request for the matrix', () => {
    const missing = t.app.pulauRoutes
      .filter((spec) => spec.access.kind !== 'public' && requestFor(routeId(spec)) === undefined)
      .map(routeId);
    expect(missing).toEqual([]);
  });

  const cases = () =>
    t.app.pulauRoutes.flatMap((spec) =>
      WHO.flatMap((who) => (['own', 'foreign'] as Target[]).map((target) => ({ spec, who, target }))),
    );

  // Every route × every role × two units, one request each: minutes on a loaded machine, not seconds.
  it('answers 403 exactly where the written table and can() refuse, never 500, never 401 when logged in', async () => {
    const failures: string[] = [];
    for (const { spec, who, target } of cases()) {
      const entry = requestFor(routeId(spec));
      if (!entry || spec.access.kind === 'public') continue;
      const req = await entry.build(ctx, target);
      const written =
        spec.access.kind === 'authenticated' ||
        who === 'system_admin' ||
        (target === 'own' && (entry.allowed === 'all' || entry.allowed.includes(who)));
      const client = req.freshSession ? await logInAs(t.app, `matrix-${who}@pulau.test`) : clients.get(who)!;
      let expected: boolean;
      if (spec.access.kind === 'authenticated') expected = true;
      else {
        const body = spec.schema.body ? (spec.schema.body as ZodType).parse(req.body ?? {}) : undefined;
        const params = spec.schema.params
          ? (spec.schema.params as ZodType).parse(req.params ?? {})
          : undefined;
        const subject = await spec.access.subject({
          body,
          params,
          query: req.query ?? {},
        } as unknown as TypedRequest<never>);
        expected = can(actors.get(who)!, spec.access.action, subject);
      }
      if (expected !== written)
        failures.push(
          `table says ${written}, can() says ${expected}: ${routeId(spec)} as ${who} on ${target}`,
        );
      const res =
        spec.method === 'GET'
          ? await client.get(req.url)
          : spec.method === 'DELETE'
            ? await client.delete(req.url)
            : spec.method === 'PATCH'
              ? await client.patch(req.url, req.body)
              : spec.method === 'PUT'
                ? await put(t.app, client, req.url, req.body)
                : await client.post(req.url, req.body);
      const label = `${routeId(spec)} as ${who} on ${target}: ${res.statusCode} ${res.body.slice(0, 160)}`;
      if (res.statusCode >= 500 || res.statusCode === 401) failures.push(`unexpected ${label}`);
      else if (who === 'system_admin' && entry.workflowRefusesSystemAdmin) {
        if (res.statusCode !== 403 || !res.body.includes('"ROLE_NOT_ALLOWED"'))
          failures.push(`the review table should refuse the system administrator: ${label}`);
      } else if (expected && res.statusCode === 403) failures.push(`refused but can() allows: ${label}`);
      else if (!expected && res.statusCode !== 403) failures.push(`allowed but can() refuses: ${label}`);
      if (who !== 'system_admin' && res.statusCode < 300) {
        for (const foreign of [ctx.org.bawaslu, ctx.org.banten]) {
          if (res.body.includes(foreign.id) || res.body.includes(foreign.code))
            failures.push(`leak of ${foreign.code}: ${label}`);
        }
      }
      await req.after?.();
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('a foreign agency is refused to every role but the system administrator', () => {
    for (const who of WHO.filter((w) => w !== 'system_admin')) {
      for (const action of [
        'unit.read',
        'unit.update',
        'user.read',
        'audit.read',
        'assessment.read',
        'evidence.read',
      ] as const) {
        expect(can(actors.get(who)!, action, { kind: 'unit', unitPath: ctx.org.banten.path })).toBe(false);
      }
    }
  });
});
