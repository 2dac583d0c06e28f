import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Worksheet,
  type Assessment,
  type AnswerView,
  type EvidenceLinkView,
} from '../../../contracts/assessments.ts';
import { REVIEW_STATUSES } from '../../../core/review/review-status.ts';
import type { WorksheetContent } from './get-worksheet.ts';
import { joinWorksheet, serializeAssessment, serializeWorksheetContent } from './serialize-worksheet.ts';

/**
 * The contract test of the hand-written worksheet serializer: for any reply the server can build, the text
 * parses to an object that `Worksheet` accepts and leaves unchanged, equal to what the zod serializer (parse,
 * then JSON) would have sent; fields outside the contract never leak.
 */
const text = fc.string({ maxLength: 30 });
const code = fc.stringMatching(/^[A-Z][0-9]\.[a-z]{1,3}(\.[a-z0-9]{1,2})?$/);
const iso = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const answer: fc.Arbitrary<AnswerView & { extra?: string }> = fc.record(
  {
    code,
    value: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    ),
    explanation: text,
    status: fc.constantFrom('empty', 'draft', 'complete'),
    toReview: fc.boolean(),
    personInChargeId: nullable(fc.uuid()),
    sourceCampaignId: nullable(fc.uuid()),
    version: fc.integer(),
    updatedAt: nullable(iso),
    updatedBy: nullable(fc.uuid()),
    extra: text,
  },
  {
    requiredKeys: [
      'code',
      'value',
      'explanation',
      'status',
      'toReview',
      'personInChargeId',
      'sourceCampaignId',
      'version',
      'updatedAt',
      'updatedBy',
    ],
  },
);

const link: fc.Arbitrary<EvidenceLinkView & { linkedBy?: string }> = fc.record(
  {
    currentVersionId: nullable(fc.uuid()),
    evidenceId: fc.uuid(),
    code,
    checklistIndex: nullable(fc.nat()),
    title: text,
    filename: nullable(text),
    mime: nullable(text),
    size: nullable(fc.nat()),
    linkedBy: fc.uuid(),
  },
  {
    requiredKeys: [
      'currentVersionId',
      'evidenceId',
      'code',
      'checklistIndex',
      'title',
      'filename',
      'mime',
      'size',
    ],
  },
);

const content: fc.Arbitrary<WorksheetContent> = fc.record({
  answers: fc.array(answer, { maxLength: 8 }),
  evidence: fc.array(link, { maxLength: 8 }),
  commentCounts: fc.dictionary(code, fc.nat()),
  itemReviews: fc.dictionary(
    code,
    fc.record({
      status: fc.constantFrom('returned' as const, 'awaiting_recheck' as const),
      returnNote: text,
      revisions: fc.nat(),
    }),
  ),
});

const assessment: fc.Arbitrary<Assessment> = fc.record({
  id: fc.uuid(),
  periodId: fc.uuid(),
  unitId: fc.uuid(),
  unitName: text,
  year: fc.integer({ min: 2000, max: 2100 }),
  templateId: text,
  templateVersion: text,
  target: fc.constantFrom('WBK', 'WBBM'),
  alreadyWbk: fc.boolean(),
  status: fc.constantFrom(...REVIEW_STATUSES),
  carriedFromId: nullable(fc.uuid()),
  submittedAt: nullable(iso),
  approvedAt: nullable(iso),
  version: fc.integer(),
  can: fc.record({
    answerAreas: fc.array(fc.integer({ min: 1, max: 6 })),
    answerHasil: fc.boolean(),
    comment: fc.boolean(),
    submit: fc.boolean(),
    approve: fc.boolean(),
    uploadEvidence: fc.boolean(),
  }),
});

describe('serializeWorksheet (contract)', () => {
  it('writes what the Worksheet schema accepts unchanged, as the zod serializer would', () => {
    fc.assert(
      fc.property(assessment, content, (a, c) => {
        const json = joinWorksheet(serializeAssessment(a), serializeWorksheetContent(c));
        const sent: unknown = JSON.parse(json);
        const viaZod: unknown = JSON.parse(JSON.stringify(Worksheet.parse({ assessment: a, ...c })));
        expect(Worksheet.parse(sent)).toEqual(sent);
        expect(sent).toEqual(viaZod);
      }),
    );
  });

  it('leaves out fields outside the contract', () => {
    const json = serializeWorksheetContent({
      answers: [
        {
          code: 'P1.i.a',
          value: 'Ya',
          explanation: '',
          status: 'complete',
          toReview: false,
          personInChargeId: null,
          sourceCampaignId: null,
          version: 1,
          updatedAt: null,
          updatedBy: null,
          assessmentId: 'secret',
        } as AnswerView,
      ],
      evidence: [],
      commentCounts: {},
      itemReviews: {},
    });
    expect(json).not.toContain('secret');
    expect(JSON.parse(`{${json}}`)).toEqual({
      answers: [
        {
          code: 'P1.i.a',
          value: 'Ya',
          explanation: '',
          status: 'complete',
          toReview: false,
          personInChargeId: null,
          sourceCampaignId: null,
          version: 1,
          updatedAt: null,
          updatedBy: null,
        },
      ],
      evidence: [],
      commentCounts: {},
      itemReviews: {},
    });
  });
});
