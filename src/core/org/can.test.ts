import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { can, PERMISSIONS, reachIncludes, reachOf, type Action, type Actor, type Grant } from './can.ts';
import { ROLES, type Role } from './roles.ts';

const KPU = '/kpu/';
const JATIM = '/kpu/jatim/';
const SUMENEP = '/kpu/jatim/sumenep/';
const BAWASLU = '/bawaslu/';

const actor = (...grants: Grant[]): Actor => ({ userId: 'u1', isSystemAdmin: false, grants });
const onUnit = (unitPath: string) => ({ kind: 'unit', unitPath }) as const;

describe('can(): the permission table read aloud', () => {
  const rows: Array<[string, Actor | null, Action, Parameters<typeof can>[2], boolean]> = [
    ['nobody may do anything without logging in', null, 'unit.read', onUnit(KPU), false],
    [
      'a system admin may create an agency',
      { userId: 's', isSystemAdmin: true, grants: [] },
      'agency.create',
      { kind: 'system' },
      true,
    ],
    [
      'an agency admin may not create an agency',
      actor({ role: 'agency_admin', unitPath: KPU }),
      'agency.create',
      { kind: 'system' },
      false,
    ],
    [
      'an agency admin may create a unit below her agency',
      actor({ role: 'agency_admin', unitPath: KPU }),
      'unit.create',
      onUnit(SUMENEP),
      true,
    ],
    [
      'an agency admin may not touch another agency',
      actor({ role: 'agency_admin', unitPath: KPU }),
      'unit.update',
      onUnit(BAWASLU),
      false,
    ],
    [
      'a provincial agency admin may not edit the national office above her',
      actor({ role: 'agency_admin', unitPath: JATIM }),
      'unit.update',
      onUnit(KPU),
      false,
    ],
    [
      'a team lead reads her own unit',
      actor({ role: 'zi_team_lead', unitPath: SUMENEP }),
      'unit.read',
      onUnit(SUMENEP),
      true,
    ],
    [
      'a team lead of a province does not reach its regencies',
      actor({ role: 'zi_team_lead', unitPath: JATIM }),
      'unit.read',
      onUnit(SUMENEP),
      false,
    ],
    [
      'a leader of a province reads its regencies',
      actor({ role: 'leader', unitPath: JATIM }),
      'unit.read',
      onUnit(SUMENEP),
      true,
    ],
    [
      'a leader may not edit units',
      actor({ role: 'leader', unitPath: JATIM }),
      'unit.update',
      onUnit(SUMENEP),
      false,
    ],
    [
      'a team lead may make someone an area coordinator of her unit',
      actor({ role: 'zi_team_lead', unitPath: SUMENEP }),
      'grant.manage',
      { kind: 'grant', unitPath: SUMENEP, role: 'area_coordinator' },
      true,
    ],
    [
      'a team lead may not make someone an agency admin',
      actor({ role: 'zi_team_lead', unitPath: SUMENEP }),
      'grant.manage',
      { kind: 'grant', unitPath: SUMENEP, role: 'agency_admin' },
      false,
    ],
    [
      'an agency admin may grant any role inside her agency',
      actor({ role: 'agency_admin', unitPath: KPU }),
      'grant.manage',
      { kind: 'grant', unitPath: SUMENEP, role: 'tpi_evaluator' },
      true,
    ],
    [
      'a team member may not read the audit trail',
      actor({ role: 'team_member', unitPath: SUMENEP }),
      'audit.read',
      onUnit(SUMENEP),
      false,
    ],
    [
      'only a system admin verifies the audit chain',
      actor({ role: 'agency_admin', unitPath: KPU }),
      'audit.verify',
      { kind: 'system' },
      false,
    ],
    [
      'an area coordinator reads her unit',
      actor({ role: 'area_coordinator', unitPath: SUMENEP, area: 2 }),
      'unit.read',
      onUnit(SUMENEP),
      true,
    ],
    [
      'an area coordinator may not create users',
      actor({ role: 'area_coordinator', unitPath: SUMENEP, area: 2 }),
      'user.create',
      onUnit(SUMENEP),
      false,
    ],
    [
      'an area coordinator answers items of her area',
      actor({ role: 'area_coordinator', unitPath: SUMENEP, area: 2 }),
      'assessment.answer',
      { kind: 'item', unitPath: SUMENEP, area: 2 },
      true,
    ],
    [
      'an area coordinator may not answer another area',
      actor({ role: 'area_coordinator', unitPath: SUMENEP, area: 2 }),
      'assessment.answer',
      { kind: 'item', unitPath: SUMENEP, area: 3 },
      false,
    ],
    [
      'an area coordinator may not answer Hasil items',
      actor({ role: 'area_coordinator', unitPath: SUMENEP, area: 2 }),
      'assessment.answer',
      { kind: 'item', unitPath: SUMENEP, area: null },
      false,
    ],
    [
      'a team member with no area answers nothing',
      actor({ role: 'team_member', unitPath: SUMENEP }),
      'assessment.answer',
      { kind: 'item', unitPath: SUMENEP, area: 1 },
      false,
    ],
    [
      'a team lead answers every area and Hasil',
      actor({ role: 'zi_team_lead', unitPath: SUMENEP }),
      'assessment.answer',
      { kind: 'item', unitPath: SUMENEP, area: null },
      true,
    ],
    [
      'a leader may not answer',
      actor({ role: 'leader', unitPath: SUMENEP }),
      'assessment.answer',
      { kind: 'item', unitPath: SUMENEP, area: 1 },
      false,
    ],
    [
      'the unit’s own leader approves its submission',
      actor({ role: 'leader', unitPath: SUMENEP }),
      'assessment.approve',
      onUnit(SUMENEP),
      true,
    ],
    [
      'a provincial leader reads but does not approve a regency',
      actor({ role: 'leader', unitPath: JATIM }),
      'assessment.approve',
      onUnit(SUMENEP),
      false,
    ],
    [
      'a provincial leader reads a regency’s assessment',
      actor({ role: 'leader', unitPath: JATIM }),
      'assessment.read',
      onUnit(SUMENEP),
      true,
    ],
    [
      'a TPI evaluator sees no assessment before submission',
      actor({ role: 'tpi_evaluator', unitPath: KPU }),
      'assessment.read',
      onUnit(SUMENEP),
      false,
    ],
    [
      'a team lead runs her unit’s surveys',
      actor({ role: 'zi_team_lead', unitPath: SUMENEP }),
      'survey.manage',
      onUnit(SUMENEP),
      true,
    ],
    [
      'an agency admin runs the surveys of a unit below her agency',
      actor({ role: 'agency_admin', unitPath: KPU }),
      'survey.manage',
      onUnit(SUMENEP),
      true,
    ],
    [
      'a team member reads survey results but does not run the survey',
      actor({ role: 'team_member', unitPath: SUMENEP, area: 1 }),
      'survey.manage',
      onUnit(SUMENEP),
      false,
    ],
    [
      'a team member reads her unit’s survey results',
      actor({ role: 'team_member', unitPath: SUMENEP, area: 1 }),
      'survey.read',
      onUnit(SUMENEP),
      true,
    ],
    [
      'a provincial leader reads a regency’s survey results',
      actor({ role: 'leader', unitPath: JATIM }),
      'survey.read',
      onUnit(SUMENEP),
      true,
    ],
    [
      'a TPI evaluator does not read survey results directly',
      actor({ role: 'tpi_evaluator', unitPath: KPU }),
      'survey.read',
      onUnit(SUMENEP),
      false,
    ],
    [
      'an agency admin may not run another agency’s surveys',
      actor({ role: 'agency_admin', unitPath: KPU }),
      'survey.manage',
      onUnit(BAWASLU),
      false,
    ],
    [
      'an agency admin assigns evaluators to her units',
      actor({ role: 'agency_admin', unitPath: KPU }),
      'review.assign',
      onUnit(SUMENEP),
      true,
    ],
    [
      'a TPI evaluator does not assign herself',
      actor({ role: 'tpi_evaluator', unitPath: KPU }),
      'review.assign',
      onUnit(SUMENEP),
      false,
    ],
  ];
  it.each(rows)('%s', (_label, who, action, subject, expected) => {
    expect(can(who, action, subject)).toBe(expected);
  });

  it('every action listed in the table has a defined rule', () => {
    for (const entries of Object.values(PERMISSIONS)) {
      for (const entry of entries) expect(ROLES).toContain(entry.replace(/@unit$/, ''));
    }
  });
});

describe('properties', () => {
  const role = fc.constantFrom<Role>(...ROLES);
  const action = fc.constantFrom(...(Object.keys(PERMISSIONS) as Action[]));
  const path = fc
    .array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 4 })
    .map((ids) => `/${ids.join('/')}/`);

  it('a grant never reaches outside its agency', () => {
    fc.assert(
      fc.property(role, action, path, (r, a, p) => {
        expect(can(actor({ role: r, unitPath: '/x/' }), a, onUnit(p))).toBe(false);
      }),
    );
  });

  it('adding a grant never takes a permission away', () => {
    fc.assert(
      fc.property(role, role, path, path, action, path, (r1, r2, p1, p2, a, target) => {
        const before = can(actor({ role: r1, unitPath: p1 }), a, onUnit(target));
        const after = can(actor({ role: r1, unitPath: p1 }, { role: r2, unitPath: p2 }), a, onUnit(target));
        expect(!before || after).toBe(true);
      }),
    );
  });

  it('reachOf agrees with can for every unit', () => {
    fc.assert(
      fc.property(role, path, action, path, (r, p, a, target) => {
        const who = actor({ role: r, unitPath: p });
        expect(reachIncludes(reachOf(who, a), target)).toBe(can(who, a, onUnit(target)));
      }),
    );
  });
});
