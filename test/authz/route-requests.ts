import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/core/org/roles.ts';
import type { UnitRow } from '../../src/server/features/units/repo.ts';
import { findUnit } from '../../src/server/features/units/repo.ts';
import type { TestApp } from '../support/test-app.ts';
import type { seedOrg } from '../support/test-app.ts';

export type Target = 'own' | 'foreign';
export type MatrixContext = {
  t: TestApp;
  org: Awaited<ReturnType<typeof seedOrg>>;
  /** A fresh leaf unit under `parent`, for requests that change or retire what they touch. */
  seedUnit(parent: UnitRow): Promise<UnitRow>;
};
export type MatrixRequest = {
  url: string;
  body?: unknown;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** Requests that end the session (logout) get a session of their own. */
  freshSession?: boolean;
  after?: () => Promise<void>;
};
type Build = (ctx: MatrixContext, target: Target) => Promise<MatrixRequest>;
export type Who = Role | 'system_admin';
/**
 * Who may call the route on her own unit, written out by hand as the specification; on a foreign agency only
 * the system administrator may. `all` = every logged-in role.
 */
type Entry = { allowed: 'all' | readonly Who[]; build: Build };
const ADMINS: readonly Who[] = ['system_admin', 'agency_admin'];

const unitOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.sumenep : ctx.org.banten);
const parentOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.jatim : ctx.org.bawaslu);
const code = () => `R-${randomUUID().slice(0, 8)}`;
const version = async (ctx: MatrixContext, id: string) => (await findUnit(ctx.t.db, id))?.version ?? 1;

/** One request per route of the table, aimed at the caller's own unit or at a foreign agency's. */
const REQUESTS: Record<string, Entry> = {
  'GET /api/auth/me': {
    allowed: 'all',
    build: async () => ({ url: '/api/auth/me' }),
  },
  'PATCH /api/auth/me': {
    allowed: 'all',
    build: async () => ({ url: '/api/auth/me', body: { locale: 'id' } }),
  },
  'POST /api/auth/logout': {
    allowed: 'all',
    build: async () => ({ url: '/api/auth/logout', freshSession: true }),
  },
  'POST /api/auth/change-password': {
    allowed: 'all',
    build: async () => ({
      url: '/api/auth/change-password',
      body: { currentPassword: 'wrong-on-purpose', newPassword: 'kata-sandi-baru-789' },
    }),
  },
  'GET /api/units': {
    allowed: 'all',
    build: async () => ({ url: '/api/units' }),
  },
  'GET /api/units/:id': {
    allowed: 'all',
    build: async (ctx, target) => {
      const id = unitOf(ctx, target).id;
      return { url: `/api/units/${id}`, params: { id } };
    },
  },
  'POST /api/units': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const body = { parentId: unitOf(ctx, target).id, code: code(), name: 'Matrix', type: 'upt' };
      return { url: '/api/units', body };
    },
  },
  'PATCH /api/units/:id': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const id = unitOf(ctx, target).id;
      return {
        url: `/api/units/${id}`,
        params: { id },
        body: { version: await version(ctx, id), region: 'Matrix' },
      };
    },
  },
  'POST /api/units/:id/move': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const leaf = await ctx.seedUnit(unitOf(ctx, target));
      return {
        url: `/api/units/${leaf.id}/move`,
        params: { id: leaf.id },
        body: { version: 1, newParentId: unitOf(ctx, target).id },
      };
    },
  },
  'POST /api/units/:id/deactivate': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const leaf = await ctx.seedUnit(unitOf(ctx, target));
      return { url: `/api/units/${leaf.id}/deactivate`, params: { id: leaf.id }, body: { version: 1 } };
    },
  },
  'POST /api/units/:id/reactivate': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const leaf = await ctx.seedUnit(unitOf(ctx, target));
      return { url: `/api/units/${leaf.id}/reactivate`, params: { id: leaf.id }, body: { version: 1 } };
    },
  },
  'POST /api/units/import': {
    allowed: ADMINS,
    build: async (ctx, target) => ({
      url: '/api/units/import',
      body: { parentId: parentOf(ctx, target).id, csv: `code,name,type\n${code()},Matrix import,upt\n` },
    }),
  },
};

export const requestFor = (id: string): Entry | undefined => REQUESTS[id];
