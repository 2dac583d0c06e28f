import type { LkeHasilInput } from '../../../core/survey/lke-hasil.ts';
import { toLkeHasilInput } from '../../../core/survey/lke-hasil.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, HttpError, notFound } from '../../http/errors.ts';
import { saveAnswer } from '../assessments/save-answer.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { campaignPeriod } from './campaign-window.ts';
import { getResults, indexOptionsOf } from './get-results.ts';
import { exclusionOf } from './present-campaign.ts';
import { findAssessmentUnit, findCampaign } from './repo.ts';

export type ApplyToLkeOptions = {
  campaignId: string;
  assessmentId: string;
  version: number;
  belowMinimumJustification?: string;
  actor: AuditActor;
  now: Date;
};

const id2 = (x: number) => x.toFixed(2).replace('.', ',');

/** The provenance a reader of the worksheet sees in the explanation, in Indonesian as the LKE is. */
export const provenanceText = (input: LkeHasilInput, periodLabel: string): string => {
  const p = input.provenance;
  const moe = p.marginOfError === null ? 'tidak tersedia' : `±${id2(p.marginOfError)}`;
  const ci = p.ci ? `[${id2(p.ci[0])}; ${id2(p.ci[1])}]` : 'tidak tersedia';
  return [
    `Nilai ${input.itemCode} ${id2(input.value)} dari survei Pulau (kampanye ${p.campaignId}, ${periodLabel}).`,
    `Kuesioner ${p.questionnaireId} versi ${p.questionnaireVersion}; periode ${p.period.start} s.d. ${p.period.end}.`,
    `n = ${p.n} responden (${p.excluded} dikecualikan karena tanda mutu)` +
      `${p.populationSize === null ? '' : ` dari populasi ${p.populationSize}`}; margin of error ${moe}; IK 95 % ${ci}.`,
    ...(p.belowMinimumJustification
      ? [`Alasan sampel di bawah minimum: ${p.belowMinimumJustification}`]
      : []),
    `Dihitung ${p.computedAt}.`,
  ].join('\n');
};

/**
 * Writes a closed IPAK/IPKP campaign's LKE value into the unit's assessment (H1.a / H2.a) through the
 * assessments feature's own saveAnswer (its version check, validation and audit), with the provenance in the
 * explanation, and records `survey.applied` in the same transaction.
 */
export const applyToLke = async (tx: Tx, options: ApplyToLkeOptions) => {
  const { campaignId, assessmentId, version, actor, now } = options;
  const found = await findCampaign(tx, campaignId);
  if (!found) throw notFound('Campaign');
  const { campaign } = found;
  const target = await findAssessmentUnit(tx, assessmentId);
  if (!target) throw notFound('Assessment');
  if (target.unitId !== campaign.unitId)
    throw badRequest('ASSESSMENT_OTHER_UNIT', 'The assessment belongs to another unit than the campaign.');
  if (campaign.kind === 'skm')
    throw badRequest('SURVEY_NO_LKE_VALUE', 'Only IPAK and IPKP campaigns feed the LKE (H1.a, H2.a).');
  if (campaign.status !== 'closed')
    throw conflict('CAMPAIGN_NOT_CLOSED', 'Close the campaign before applying its result to the LKE.');
  const { perception } = await getResults(tx, campaign);
  if (!perception) throw badRequest('SURVEY_NO_LKE_VALUE', 'This campaign has no LKE value.');
  const hasil = toLkeHasilInput({
    campaign: {
      id: campaign.id,
      period: campaignPeriod(campaign),
      populationSize: indexOptionsOf(campaign).populationSize ?? null,
      exclusion: exclusionOf(campaign),
    },
    result: perception,
    now,
    ...(options.belowMinimumJustification
      ? { belowMinimumJustification: options.belowMinimumJustification }
      : {}),
  });
  if (!hasil.ok) {
    const code = hasil.error.code.toUpperCase();
    throw new HttpError(
      code === 'SURVEY_CAMPAIGN_NOT_FINISHED' ? 409 : 400,
      code,
      hasil.error.message,
      hasil.error.details,
    );
  }
  const explanation = provenanceText(hasil.value, campaign.periodLabel);
  const saved = await saveAnswer(tx, {
    assessmentId,
    code: hasil.value.itemCode,
    input: { version, value: hasil.value.value, explanation, status: 'complete' },
    actor,
    now,
    sourceCampaignId: campaignId,
  });
  await writeAudit(tx, {
    actor,
    action: 'survey.applied',
    subjectType: 'survey_campaign',
    subjectId: campaignId,
    unit: { id: campaign.unitId, path: found.unitPath },
    after: { assessmentId, ...hasil.value },
    now,
  });
  return {
    itemCode: hasil.value.itemCode,
    value: hasil.value.value,
    explanation,
    answerVersion: saved.answer.version,
  };
};
