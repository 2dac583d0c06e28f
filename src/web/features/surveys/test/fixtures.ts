import type { CampaignView, Results } from '../api.ts';

export const UNIT = '10000000-0000-4000-8000-000000000001';
export const CAMPAIGN = '20000000-0000-4000-8000-000000000001';
export const ASSESSMENT = '30000000-0000-4000-8000-000000000001';

export const campaign = (overrides: Partial<CampaignView> = {}): CampaignView => ({
  id: CAMPAIGN,
  unitId: UNIT,
  periodLabel: 'Semester I 2026',
  kind: 'ipak',
  questionnaireId: 'ipak',
  questionnaireVersion: '1',
  services: [
    { code: 'loket_a', name: 'Loket A', population: 60 },
    { code: 'loket_b', name: 'Loket B', population: 40 },
  ],
  samplingMethod: 'krejcie-morgan',
  targetSample: 80,
  startsOn: '2026-01-01',
  endsOn: '2026-06-30',
  status: 'closed',
  requireCodes: false,
  proofOfWork: false,
  minSeconds: null,
  excludeFlags: ['too_fast'],
  exclusionReason: 'Respon di bawah 10 detik dari kios tidak dibaca.',
  customQuestions: [],
  deviceWindowHours: 24,
  published: false,
  publishedAt: null,
  responseCount: 42,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-06-30T00:00:00Z',
  ...overrides,
});

const progress = (achieved: number, target: number) => ({
  achieved,
  target,
  shortfall: Math.max(0, target - achieved),
  ratio: achieved / target,
  reachedTarget: achieved >= target,
  lkeMinimum: 30,
  meetsLkeMinimum: achieved >= 30,
});

export const results = (): Results => ({
  campaignId: CAMPAIGN,
  kind: 'ipak',
  questionnaireId: 'ipak',
  questionnaireVersion: '1',
  responses: {
    total: 42,
    included: 40,
    excluded: 2,
    flagged: { too_fast: 2, straight_lining: 0, directed: 0 },
  },
  excludeFlags: ['too_fast'],
  exclusionReason: 'Respon di bawah 10 detik dari kios tidak dibaca.',
  n: 40,
  index: 3.7,
  indexIncludingFlagged: 3.6,
  marginOfError: 0.11,
  ci: [3.59, 3.81],
  items: [{ code: 'diskriminasi', n: 40, sum: 150, nrr: 3.75 }],
  ikm: null,
  lke: { item: 'H1.a', value: 3.7, marginOfError: 0.11, ci: [3.59, 3.81], oneSidedLowerBound: 3.61 },
  sample: progress(40, 80),
  services: [
    { code: 'loket_a', name: 'Loket A', population: 60, progress: progress(25, 48) },
    { code: 'loket_b', name: 'Loket B', population: 40, progress: progress(15, 32) },
  ],
  breakdowns: [
    {
      field: 'sex',
      unanswered: 1,
      groups: [
        {
          value: 'p',
          label: { id: 'Perempuan', en: 'Female' },
          n: 22,
          index: 3.8,
          converted: 3.8,
          marginOfError: 0.12,
          suppressed: false,
        },
        {
          value: 'l',
          label: { id: 'Laki-laki', en: 'Male' },
          n: 3,
          index: null,
          converted: null,
          marginOfError: null,
          suppressed: true,
        },
      ],
    },
  ],
});
