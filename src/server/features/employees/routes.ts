import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import {
  CreateEmployeeBody,
  Employee,
  EmployeeList,
  ImportEmployeesBody,
  ImportEmployeesResult,
  UnitIdParams,
  UpdateEmployeeBody,
} from '../../../contracts/employees.ts';
import type { Subject } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf } from '../../http/request-actor.ts';
import { createEmployee } from './create-employee.ts';
import { importEmployees } from './import-employees.ts';
import { presentEmployees } from './present-employee.ts';
import { findEmployee, listEmployees } from './repo.ts';
import { requireUnitRef, unitOfParams } from '../units/unit-ref.ts';
import { updateEmployee } from './update-employee.ts';

const tags = ['employees'];

/**
 * A unit's employee list: personal data, so `employee.read`/`employee.manage` name only roles inside the unit
 * (a parent's leader or agency admin is refused).
 */
export const employeeRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const unitRef = (id: string) => requireUnitRef(deps.db, id);
  const unitSubject = unitOfParams(deps.db);
  const employeeSubject = async (req: FastifyRequest): Promise<Subject> => {
    const found = await findEmployee(deps.db, (req.params as { id: string }).id);
    if (!found) throw notFound('Employee');
    return { kind: 'unit', unitPath: found.unitPath };
  };

  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/employees',
      summary: "The unit's employees (active and former), by name",
      tags,
      access: { kind: 'action', action: 'employee.read', subject: unitSubject },
      schema: { params: UnitIdParams, response: { 200: EmployeeList } },
      handler: async (req) => ({
        employees: await presentEmployees(deps.db, await listEmployees(deps.db, req.params.unitId)),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/employees',
      summary: 'Add an employee, optionally linked to her existing account by e-mail',
      tags,
      access: { kind: 'action', action: 'employee.manage', subject: unitSubject },
      schema: { params: UnitIdParams, body: CreateEmployeeBody, response: { 201: Employee } },
      handler: async (req, reply) => {
        const unit = await unitRef(req.params.unitId);
        const created = await deps.db.transaction((tx) =>
          createEmployee(tx, { unit, input: req.body, actor: auditActorOf(req), now: deps.now() }),
        );
        return reply.code(201).send(created);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/employees/import',
      summary: 'Import employees from CSV or XLSX, all or nothing (every bad line reported)',
      tags,
      access: { kind: 'action', action: 'employee.manage', subject: unitSubject },
      schema: { params: UnitIdParams, body: ImportEmployeesBody, response: { 200: ImportEmployeesResult } },
      handler: async (req) => {
        const unit = await unitRef(req.params.unitId);
        return deps.db.transaction((tx) =>
          importEmployees(tx, { unit, input: req.body, actor: auditActorOf(req), now: deps.now() }),
        );
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/employees/:id',
      summary: 'Edit an employee, link or unlink her account, or deactivate her (send the version read)',
      tags,
      access: { kind: 'action', action: 'employee.manage', subject: employeeSubject },
      schema: { params: IdParams, body: UpdateEmployeeBody, response: { 200: Employee } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          updateEmployee(tx, {
            employeeId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
  ];
};
