import type { SurveyResults } from '../../../contracts/surveys.ts';
import { breakdownBy } from '../../../core/survey/breakdown.ts';
import { computeIkm } from '../../../core/survey/ikm.ts';
import type { IndexOptions } from '../../../core/survey/index-summary.ts';
import { computePerceptionIndex } from '../../../core/survey/perception-index.ts';
import type { Questionnaire } from '../../../core/survey/questionnaire-schema.ts';
import type { SurveySubmission } from '../../../core/survey/response.ts';
import { allocateSample, sampleProgress } from '../../../core/survey/sample-size.ts';
import type { Tx } from '../../db/client.ts';
import { excludeFlagsOf, servicesOf } from './present-campaign.ts';
import { pinnedQuestionnaire, serviceField } from './questionnaires.ts';
import { listResponses, type CampaignRow, type ResponseRow } from './repo.ts';

export const submissionOf = (r: ResponseRow): SurveySubmission => ({
  screening: r.screening,
  profile: r.profile as Record<string, string>,
  answers: r.answers as SurveySubmission['answers'],
  durationSeconds: r.durationSeconds,
});

/** The core's options for a campaign: its exclusions, its speed floor, N when every service's is known. */
export const indexOptionsOf = (c: CampaignRow): IndexOptions => {
  const services = servicesOf(c);
  const known = services.every((s) => s.population > 0);
  return {
    excludeFlags: excludeFlagsOf(c),
    ...(c.minSeconds === null ? {} : { minDurationSeconds: c.minSeconds }),
    populationSize: known ? services.reduce((a, s) => a + s.population, 0) : null,
  };
};

export type ComputedResults = {
  questionnaire: Questionnaire;
  results: SurveyResults;
  perception: ReturnType<typeof computePerceptionIndex> | null;
};

/** Every figure of a campaign, computed by the core from the stored responses (nothing is cached). */
export const getResults = async (db: Tx, campaign: CampaignRow): Promise<ComputedResults> => {
  const q = await pinnedQuestionnaire(campaign);
  const responses = (await listResponses(db, campaign.id)).map(submissionOf);
  const options = indexOptionsOf(campaign);
  const ikm = q.kind === 'skm' ? computeIkm(q, responses, options) : null;
  const perception = q.kind === 'skm' ? null : computePerceptionIndex(q, responses, options);
  const summary = ikm ?? perception!;
  const factor = q.kind === 'skm' ? 25 : 1;
  const field = serviceField(q);
  const breakdowns = q.profile.map((f) => breakdownBy(q, responses, f.code, options));
  const byService = field ? breakdowns.find((b) => b.field === field) : undefined;
  const services = servicesOf(campaign);
  const allocation = allocateSample(
    services.map((s) => ({ key: s.code, population: s.population })),
    campaign.targetSample,
  );
  const targetOf = (code: string) =>
    allocation.ok ? allocation.value.find((a) => a.key === code)?.target : 0;
  const p = summary.precision;
  return {
    questionnaire: q,
    perception,
    results: {
      campaignId: campaign.id,
      kind: q.kind,
      questionnaireId: q.id,
      questionnaireVersion: q.version,
      responses: summary.responses,
      excludeFlags: excludeFlagsOf(campaign),
      exclusionReason: campaign.exclusionReason,
      n: summary.n,
      index: summary.index,
      indexIncludingFlagged: summary.indexIncludingFlagged,
      marginOfError: p?.marginOfError ?? null,
      ci: p ? [p.ci[0], p.ci[1]] : null,
      items: summary.items.map(({ code, n, sum, nrr }) => ({ code, n, sum, nrr })),
      ikm: ikm?.ikm
        ? {
            value: ikm.ikm.value,
            convertedRounded: ikm.ikm.convertedRounded,
            grade: ikm.ikm.grade,
            performance: ikm.ikm.performance,
            marginOfError: ikm.ikm.marginOfError,
            ci: ikm.ikm.ci ? [ikm.ikm.ci[0], ikm.ikm.ci[1]] : null,
          }
        : null,
      lke: perception?.lke
        ? {
            item: perception.lke.item,
            value: perception.lke.value,
            marginOfError: perception.lke.marginOfError,
            ci: perception.lke.ci ? [perception.lke.ci[0], perception.lke.ci[1]] : null,
            oneSidedLowerBound: perception.lke.oneSidedLowerBound,
          }
        : null,
      sample: sampleProgress(summary.n, campaign.targetSample, options.populationSize),
      services: services.map((s) => ({
        ...s,
        progress: sampleProgress(
          byService?.groups.find((g) => g.value === s.code)?.summary.n ?? 0,
          targetOf(s.code) ?? 0,
          s.population > 0 ? s.population : null,
        ),
      })),
      breakdowns: breakdowns.map((b) => ({
        field: b.field,
        unanswered: b.unanswered,
        groups: b.groups.map((g) => ({
          value: g.value,
          label: g.label,
          n: g.summary.n,
          index: g.summary.index,
          converted: g.summary.index === null ? null : g.summary.index * factor,
          marginOfError: g.summary.precision ? g.summary.precision.marginOfError * factor : null,
          suppressed: g.suppressed,
        })),
      })),
    },
  };
};
