// Review fixtures shaped by the contracts: a view with its levels and actions, items with their levels.
import type { LevelView, ReviewItem, ReviewView } from '../../../../contracts/reviews.ts';

export const ASSESSMENT = '00000000-0000-4000-8000-0000000000e1';
export const UNIT = '00000000-0000-4000-8000-0000000000e2';

const score = (total: number): LevelView['score'] => ({
  total,
  pengungkit: Math.round(total * 0.6 * 100) / 100,
  pemenuhan: 0,
  reform: 0,
  hasil: Math.round(total * 0.4 * 100) / 100,
  areas: [],
  completeness: { answered: 10, total: 10 },
});

export const level = (id: string, total: number, overrides: Partial<LevelView> = {}): LevelView => ({
  level: id,
  kind: id.startsWith('tpi:') ? 'tpi' : (id as LevelView['kind']),
  stageId: id.startsWith('tpi:') ? id.slice(4) : null,
  reached: true,
  ownAnswers: 0,
  score: score(total),
  predicates: [{ id: 'WBK', name: 'WBK', eligible: total >= 75, rules: [] }],
  changedFromBelow: [],
  changedFromUnit: [],
  ...overrides,
});

export const STAGES = [
  { id: 'member', completedBy: ['member'] },
  { id: 'team_lead', completedBy: ['team_lead'] },
  { id: 'quality_controller', completedBy: ['quality_controller'] },
];

export const view = (overrides: Partial<ReviewView> = {}): ReviewView => ({
  assessment: {
    id: ASSESSMENT,
    unitId: UNIT,
    unitName: 'KPU Kabupaten Sumenep',
    periodId: '00000000-0000-4000-8000-0000000000e3',
    year: 2026,
    target: 'WBK',
    version: 7,
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
  },
  status: 'tpi_review',
  tpiStage: { index: 0, id: 'member', isLast: false },
  config: { preliminaryReview: false, tpiStages: STAGES, proposalDeadline: '05-31', utcOffsetMinutes: 420 },
  myLevel: 'tpi:member',
  canReturnItems: true,
  actions: [],
  levels: [
    level('unit', 80),
    level('tpi:member', 78.5, { ownAnswers: 1, changedFromBelow: ['P1.i.a'], changedFromUnit: ['P1.i.a'] }),
    level('tpi:team_lead', 78.5, { reached: false }),
    level('tpi:quality_controller', 78.5, { reached: false }),
    level('tpn_desk', 78.5, { reached: false }),
    level('tpn_field', 78.5, { reached: false }),
  ],
  counts: { returned: 1, awaitingRecheck: 0, changed: 1 },
  award: null,
  ...overrides,
});

type LevelAnswer = ReviewItem['levels'][number];
const reviewLevels = (
  unitValue: ReviewItem['unit']['value'],
  mine: Partial<LevelAnswer> = {},
): LevelAnswer[] =>
  ['tpi:member', 'tpi:team_lead', 'tpi:quality_controller', 'tpn_desk', 'tpn_field'].map((l, i) => ({
    level: l,
    value: i === 0 && 'value' in mine ? (mine.value ?? null) : unitValue,
    note: i === 0 ? (mine.note ?? '') : '',
    from: i === 0 && mine.own ? l : 'unit',
    own: i === 0 ? (mine.own ?? false) : false,
    version: i === 0 ? (mine.version ?? 0) : 0,
    updatedAt: null,
    differsFromBelow: i === 0 ? (mine.differsFromBelow ?? false) : false,
  }));

export const item = (
  code: string,
  unitValue: ReviewItem['unit']['value'],
  overrides: Partial<ReviewItem> & { mine?: Partial<LevelAnswer> } = {},
): ReviewItem => {
  const { mine, ...rest } = overrides;
  return {
    code,
    item: code,
    unit: { value: unitValue, explanation: `Penjelasan ${code}`, version: 2, updatedAt: null },
    evidence: [],
    levels: reviewLevels(unitValue, mine),
    review: { status: 'open', returnNote: '', returnedAt: null, revisions: 0 },
    changed: false,
    ...rest,
  };
};

export const pdfLink = (code: string): ReviewItem['evidence'][number] => ({
  evidenceId: '00000000-0000-4000-8000-0000000000f1',
  code,
  checklistIndex: null,
  title: 'SK Tim Kerja ZI',
  filename: 'sk-tim.pdf',
  mime: 'application/pdf',
  size: 1200,
  currentVersionId: '00000000-0000-4000-8000-0000000000f2',
});

/** P1.i.a changed by TPI (Tidak → Ya), P1.i.b returned to the unit, P2.i.a untouched and without evidence. */
export const ITEMS: ReviewItem[] = [
  item('P1.i.a', 'Tidak', {
    changed: true,
    evidence: [pdfLink('P1.i.a')],
    mine: { value: 'Ya', note: 'SK sudah ditandatangani', own: true, version: 3, differsFromBelow: true },
  }),
  item('P1.i.b', 'A', {
    evidence: [pdfLink('P1.i.b')],
    review: { status: 'returned', returnNote: 'Lampirkan SK', returnedAt: 'tpi:member', revisions: 0 },
  }),
  item('P2.i.a', 'B'),
];
