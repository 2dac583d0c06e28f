import type { Activity, Dashboard, Plan, Report, UnitPlans } from '../api.ts';

export const UNIT = '10000000-0000-4000-8000-000000000001';
export const CHILD = '10000000-0000-4000-8000-000000000002';
export const PLAN = '30000000-0000-4000-8000-000000000001';
export const ACTIVITY = '40000000-0000-4000-8000-000000000001';
export const EMPLOYEE = '50000000-0000-4000-8000-000000000001';
export const REPORT = '60000000-0000-4000-8000-000000000001';

export const unit = (over: Record<string, unknown> = {}) => ({
  id: UNIT,
  parentId: null,
  path: `/${UNIT}/`,
  depth: 0,
  code: 'KPU-SMP',
  name: 'KPU Kabupaten Sumenep',
  type: 'instansi',
  region: null,
  isPublicService: true,
  afirmasi: false,
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

const zero = { on_track: 0, at_risk: 0, late: 0, done: 0 };

export const activity = (over: Partial<Activity> = {}): Activity => ({
  id: ACTIVITY,
  planId: PLAN,
  title: 'Sosialisasi ZI ke pegawai',
  output: 'Laporan sosialisasi',
  target: 4,
  targetUnit: 'kegiatan',
  quarters: [1, 2, 3, 4],
  personInChargeId: EMPLOYEE,
  personInChargeName: 'Siti Aminah',
  budget: 2500000,
  lkeCodes: ['P1.ii.c'],
  realisations: [
    {
      id: '70000000-0000-4000-8000-000000000001',
      quarter: 1,
      achieved: 1,
      note: '',
      evidence: [{ id: '80000000-0000-4000-8000-000000000001', title: 'Foto sosialisasi' }],
      reportedBy: null,
      reportedByName: null,
      reportedAt: '2026-03-20T00:00:00Z',
      version: 1,
    },
  ],
  commentCount: 2,
  status: { achieved: 1, progress: 0.25, expected: 0.5, slippage: 0.25, status: 'at_risk' },
  version: 3,
  ...over,
});

export const plan = (over: Partial<Plan> = {}): Plan => ({
  id: PLAN,
  unitId: UNIT,
  year: 2026,
  area: 1,
  summary: 'Target prioritas area 1',
  activities: [activity()],
  totals: { activities: 1, progress: 0.25, counts: { ...zero, at_risk: 1 } },
  version: 1,
  ...over,
});

export const unitPlans = (over: Partial<UnitPlans> = {}): UnitPlans => ({
  unitId: UNIT,
  unitName: 'KPU Kabupaten Sumenep',
  year: 2026,
  today: '2026-08-20',
  assessment: { id: '90000000-0000-4000-8000-000000000001', status: 'draft' },
  areas: [1, 2, 3, 4, 5, 6].map((area) => ({ area, plan: area === 1 ? plan() : null })),
  totals: { activities: 1, progress: 0.25, counts: { ...zero, at_risk: 1 } },
  editableAreas: [1, 2, 3, 4, 5, 6],
  employees: [{ id: EMPLOYEE, name: 'Siti Aminah' }],
  ...over,
});

export const report = (over: Partial<Report> = {}): Report => ({
  id: null,
  unitId: UNIT,
  year: 2026,
  quarter: 1,
  status: 'draft',
  returnNote: '',
  submittedAt: null,
  submittedByName: null,
  approvedAt: null,
  approvedByName: null,
  returnedAt: null,
  forwardedAt: null,
  forwardedToUnitId: null,
  forwardedToUnitName: null,
  version: 0,
  ...over,
});

export const dashboard = (): Dashboard => ({
  unitId: UNIT,
  unitName: 'KPU Provinsi Jawa Timur',
  year: 2026,
  today: '2026-08-20',
  deep: false,
  children: [
    {
      unitId: CHILD,
      unitName: 'KPU Kabupaten Sumenep',
      unitCode: 'KPU-SMP',
      depth: 2,
      parentId: UNIT,
      areas: [1, 2, 3, 4, 5, 6].map((area) => ({
        area,
        hasPlan: area === 1,
        totals:
          area === 1
            ? { activities: 3, progress: 0.5, counts: { ...zero, late: 1, done: 1, on_track: 1 } }
            : { activities: 0, progress: 0, counts: zero },
      })),
      totals: { activities: 3, progress: 0.5, counts: { ...zero, late: 1, done: 1, on_track: 1 } },
      lastApprovedQuarter: 2,
      lastReport: { quarter: 2, status: 'approved' },
    },
  ],
});
