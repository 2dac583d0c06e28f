import { DeclarationResult, Declaration, SaveDeclarationBody } from '../../../contracts/declaration.ts';
import { UnitIdParams } from '../../../contracts/employees.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf } from '../../http/request-actor.ts';
import { presentDeclaration } from './present-declaration.ts';
import { findDeclaration } from './repo.ts';
import { requireUnitRef, unitOfParams } from '../units/unit-ref.ts';
import { saveDeclaration } from './save-declaration.ts';

const tags = ['declaration'];

/** The unit's declaration (pencanangan) of its Zona Integritas: read up the hierarchy, edited by its lead. */
export const declarationRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const unitRef = (id: string) => requireUnitRef(deps.db, id);
  const unitSubject = unitOfParams(deps.db);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/declaration',
      summary: "The unit's declaration (null until recorded); its date is the ZI start date",
      tags,
      access: { kind: 'action', action: 'programme.read', subject: unitSubject },
      schema: { params: UnitIdParams, response: { 200: DeclarationResult } },
      handler: async (req) => {
        const row = await findDeclaration(deps.db, req.params.unitId);
        return { declaration: row ? presentDeclaration(row) : null };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/units/:unitId/declaration',
      summary: 'Record or edit the declaration (version null the first time, else the version read)',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: unitSubject },
      schema: { params: UnitIdParams, body: SaveDeclarationBody, response: { 200: Declaration } },
      handler: async (req) => {
        const unit = await unitRef(req.params.unitId);
        return deps.db.transaction((tx) =>
          saveDeclaration(tx, { unit, input: req.body, actor: auditActorOf(req), now: deps.now() }),
        );
      },
    }),
  ];
};
