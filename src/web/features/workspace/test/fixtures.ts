// Test fixtures: the real LKE template file (as the server sends it) and a worksheet around it.
import YAML from 'yaml';
import raw from '../../../../../templates/lke/permenpanrb-90-2021.yaml?raw';
import type { AnswerView, Assessment, Worksheet } from '../../../../contracts/assessments.ts';
import { parseLkeTemplate } from '../../../../core/lke/parse-lke-template.ts';
import type { LkeTemplate } from '../../../../core/lke/template-model.ts';

export const templateJson = (): unknown => YAML.parse(raw) as unknown;

const parsed = parseLkeTemplate(templateJson());
if (!parsed.ok) throw new Error(parsed.error.message);
export const TEMPLATE: LkeTemplate = parsed.value;

export const ASSESSMENT_ID = '00000000-0000-4000-8000-0000000000a1';
export const UNIT_ID = '00000000-0000-4000-8000-0000000000b1';
export const OTHER_USER = '00000000-0000-4000-8000-0000000000c1';

export const assessment = (overrides: Partial<Assessment> = {}): Assessment => ({
  id: ASSESSMENT_ID,
  periodId: '00000000-0000-4000-8000-0000000000d1',
  unitId: UNIT_ID,
  unitName: 'KPU Kota Malang',
  year: 2025,
  templateId: TEMPLATE.id,
  templateVersion: TEMPLATE.version,
  target: 'WBK',
  alreadyWbk: false,
  status: 'draft',
  carriedFromId: null,
  submittedAt: null,
  approvedAt: null,
  version: 1,
  can: {
    answerAreas: [1],
    answerHasil: false,
    comment: true,
    submit: false,
    approve: false,
    uploadEvidence: true,
  },
  ...overrides,
});

export const answer = (
  code: string,
  value: AnswerView['value'],
  overrides: Partial<AnswerView> = {},
): AnswerView => ({
  code,
  value,
  explanation: '',
  sourceCampaignId: null,
  status: value === null ? 'empty' : 'draft',
  toReview: false,
  personInChargeId: null,
  version: 1,
  updatedAt: '2025-03-01T02:00:00.000Z',
  updatedBy: OTHER_USER,
  ...overrides,
});

export const worksheet = (a: Assessment, answers: AnswerView[] = []): Worksheet => ({
  assessment: a,
  answers,
  evidence: [],
  commentCounts: {},
  itemReviews: {},
});
