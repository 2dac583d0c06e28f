import { reachOf, type Subject } from '../../../core/org/can.ts';
import { IdParams } from '../../../contracts/common.ts';
import {
  AddGrantBody,
  CreatedUser,
  CreateUserBody,
  GrantParams,
  TemporaryPassword,
  User,
  UserList,
  UserListQuery,
  UpdateUserBody,
} from '../../../contracts/users.ts';
import { GrantView } from '../../../contracts/auth.ts';
import type { AppDeps } from '../../http/deps.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { can } from '../../../core/org/can.ts';
import { grantsOfUser, grantsOfUsers } from '../auth/repo.ts';
import { findUnit } from '../units/repo.ts';
import { addGrant } from './add-grant.ts';
import { createUser } from './create-user.ts';
import { presentUser } from './present-user.ts';
import { removeGrant } from './remove-grant.ts';
import { findGrant, findUserWithHome, listUsersInReach } from './repo.ts';
import { resetUserPassword } from './reset-user-password.ts';
import { updateUser } from './update-user.ts';

const tags = ['users'];

export const userRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  /** A user is administered where her home unit is; accounts with no home unit (system admins) by the system. */
  const userSubject = async (id: string): Promise<Subject> => {
    const user = await findUserWithHome(deps.db, id);
    if (!user) throw notFound('User');
    return user.homeUnitPath ? { kind: 'unit', unitPath: user.homeUnitPath } : { kind: 'system' };
  };
  const unitSubject = async (id: string): Promise<Subject> => {
    const unit = await findUnit(deps.db, id);
    if (!unit) throw notFound('Unit');
    return { kind: 'unit', unitPath: unit.path };
  };
  const present = async (id: string) => {
    const user = await findUserWithHome(deps.db, id);
    if (!user) throw notFound('User');
    return presentUser(user, await grantsOfUser(deps.db, id));
  };

  return [
    defineRoute({
      method: 'GET',
      url: '/api/users',
      summary: 'Users whose home unit the caller may read users of (optionally one unit)',
      tags,
      // Listing filters to the caller's reach in the query; naming a unit she may not see is refused below.
      access: { kind: 'authenticated' },
      schema: { querystring: UserListQuery, response: { 200: UserList } },
      handler: async (req) => {
        const { actor } = authOf(req);
        if (req.query.unitId) {
          const subject = await unitSubject(req.query.unitId);
          if (!can(actor, 'user.read', subject)) throw forbidden();
        }
        const rows = await listUsersInReach(deps.db, reachOf(actor, 'user.read'), req.query.unitId);
        const grants = await grantsOfUsers(
          deps.db,
          rows.map((r) => r.id),
        );
        return { users: rows.map((r) => presentUser(r, grants.get(r.id) ?? [])) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/users',
      summary: 'Create an account (a temporary password is returned once when none is given)',
      tags,
      access: { kind: 'action', action: 'user.create', subject: (req) => unitSubject(req.body.homeUnitId) },
      schema: { body: CreateUserBody, response: { 201: CreatedUser } },
      handler: async (req, reply) => {
        const result = await deps.db.transaction((tx) =>
          createUser(tx, { input: req.body, actor: auditActorOf(req), now: deps.now() }),
        );
        return reply
          .code(201)
          .send({ user: presentUser(result.user, []), temporaryPassword: result.temporaryPassword });
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/users/:id',
      summary: 'Rename, deactivate or rehome an account (send the version you read)',
      tags,
      access: { kind: 'action', action: 'user.update', subject: (req) => userSubject(req.params.id) },
      schema: { params: IdParams, body: UpdateUserBody, response: { 200: User } },
      handler: async (req) => {
        await deps.db.transaction((tx) =>
          updateUser(tx, {
            userId: req.params.id,
            input: req.body,
            who: authOf(req).actor,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return present(req.params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/users/:id/reset-password',
      summary: 'Reset a password: a new temporary one, shown once',
      tags,
      access: { kind: 'action', action: 'user.reset_password', subject: (req) => userSubject(req.params.id) },
      schema: { params: IdParams, response: { 200: TemporaryPassword } },
      handler: async (req) => {
        const temporaryPassword = await deps.db.transaction((tx) =>
          resetUserPassword(tx, {
            userId: req.params.id,
            who: authOf(req).actor,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return { temporaryPassword };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/users/:id/grants',
      summary: 'Grant a role on a unit',
      tags,
      access: {
        kind: 'action',
        action: 'grant.manage',
        subject: async (req) => {
          const unit = await findUnit(deps.db, req.body.unitId);
          if (!unit) throw notFound('Unit');
          return { kind: 'grant', unitPath: unit.path, role: req.body.role };
        },
      },
      schema: { params: IdParams, body: AddGrantBody, response: { 201: GrantView } },
      handler: async (req, reply) => {
        const grant = await deps.db.transaction((tx) =>
          addGrant(tx, {
            userId: req.params.id,
            input: req.body,
            who: authOf(req).actor,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(grant);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/users/:id/grants/:grantId',
      summary: 'Take a role away',
      tags,
      access: {
        kind: 'action',
        action: 'grant.manage',
        subject: async (req) => {
          const grant = await findGrant(deps.db, req.params.grantId);
          if (!grant) throw notFound('Grant');
          return { kind: 'grant', unitPath: grant.unitPath, role: grant.role };
        },
      },
      schema: { params: GrantParams },
      handler: async (req, reply) => {
        await deps.db.transaction((tx) =>
          removeGrant(tx, {
            userId: req.params.id,
            grantId: req.params.grantId,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(204).send();
      },
    }),
  ];
};
