import { err, ok, type Result } from '../shared/result.ts';
import type { LkeConversion } from './questionnaire-schema.ts';
import type { PerceptionIndexResult } from './perception-index.ts';
import type { QualityFlag } from './quality.ts';
import { LKE_MINIMUM_RESPONDENTS } from './sample-size.ts';

export type SurveyCampaign = {
  id: string;
  /** ISO 8601 instants; `end` is exclusive. */
  period: { start: string; end: string };
  /** Service users in the period, when the unit knows it. */
  populationSize?: number | null;
  /** The owner's recorded decision to leave flagged responses out; absent or null when all valid ones count. */
  exclusion?: SurveyExclusion | null;
};

/** Which quality flags the campaign owner left out of the index, and why (docs/review.md, survey-all-valid-responses). */
export type SurveyExclusion = { flags: readonly QualityFlag[]; reason: string };

/** What the LKE's Hasil component receives for H1.a (IPAK) or H2.a (IPKP), and where it came from. */
export type LkeHasilInput = {
  itemCode: 'H1.a' | 'H2.a';
  /** 0–4, two decimals. */
  value: number;
  provenance: {
    campaignId: string;
    questionnaireId: string;
    questionnaireVersion: string;
    period: { start: string; end: string };
    n: number;
    excluded: number;
    populationSize: number | null;
    /** On the 0–4 scale; null below two respondents. */
    marginOfError: number | null;
    ci: readonly [number, number] | null;
    rawIndex: number;
    scale: { min: number; max: number };
    conversion: LkeConversion;
    /** The owner's exclusion decision, as data; null when every valid response counts. */
    exclusion: SurveyExclusion | null;
    /** Set when n < min(30, N) and the unit recorded why (R90 allows fewer only for small populations). */
    belowMinimumJustification: string | null;
    computedAt: string;
  };
};

export type LkeHasilOptions = {
  campaign: SurveyCampaign;
  result: PerceptionIndexResult;
  now: Date;
  belowMinimumJustification?: string;
};

/**
 * Turns a finished IPAK/IPKP campaign into the LKE input, refusing (as values) an unfinished campaign, an
 * SKM result, an empty one, or fewer than min(30, N) respondents without a recorded justification.
 * @example
 * toLkeHasilInput({ campaign, result: computePerceptionIndex(ipak, rs), now })
 * // ok({ itemCode: 'H1.a', value: 3.7, provenance: { campaignId: 'c-2025-q2', n: 40, marginOfError: 0.11, … } })
 */
export function toLkeHasilInput(o: LkeHasilOptions): Result<LkeHasilInput> {
  const { campaign, result, now } = o;
  const end = Date.parse(campaign.period.end);
  if (Number.isNaN(end) || Number.isNaN(Date.parse(campaign.period.start)))
    return err({ code: 'survey_campaign_period_invalid', message: 'period start/end must be ISO 8601' });
  if (now.getTime() < end)
    return err({ code: 'survey_campaign_not_finished', message: `campaign ends ${campaign.period.end}` });
  if (result.lke === null || result.index === null)
    return err({
      code: 'survey_no_lke_value',
      message: 'only an IPAK/IPKP result with responses has an LKE value',
    });
  const population = campaign.populationSize ?? null;
  const minimum =
    population !== null ? Math.min(LKE_MINIMUM_RESPONDENTS, population) : LKE_MINIMUM_RESPONDENTS;
  const justification = o.belowMinimumJustification?.trim() || null;
  if (result.n < minimum && justification === null)
    return err({
      code: 'survey_sample_below_minimum',
      message: `${result.n} respondents; R90 asks for at least ${minimum}`,
      details: { n: result.n, minimum },
    });
  return ok({
    itemCode: result.lke.item,
    value: result.lke.value,
    provenance: {
      campaignId: campaign.id,
      questionnaireId: result.questionnaireId,
      questionnaireVersion: result.version,
      period: { ...campaign.period },
      n: result.n,
      excluded: result.responses.excluded,
      exclusion: campaign.exclusion ?? null,
      populationSize: population,
      marginOfError: result.lke.marginOfError,
      ci: result.lke.ci,
      rawIndex: result.index,
      scale: result.scale,
      conversion: result.lke.conversion,
      belowMinimumJustification: result.n < minimum ? justification : null,
      computedAt: now.toISOString(),
    },
  });
}
