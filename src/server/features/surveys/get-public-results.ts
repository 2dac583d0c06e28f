import type { PublicUnitResults, PublishedCampaignResult } from '../../../contracts/surveys.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { getResults } from './get-results.ts';
import { exclusionOf } from './present-campaign.ts';
import { findUnitByCode, listPublishedCampaigns, type CampaignRow } from './repo.ts';

/** A closed campaign's figures never move: computed once per campaign version and process. */
const computed = new Map<string, PublishedCampaignResult>();
const MAX_ENTRIES = 500;

/** The indices of one published campaign, with the owner's exclusion decision when there is one. */
const publishedResult = async (db: Tx, c: CampaignRow): Promise<PublishedCampaignResult> => {
  const key = `${c.id}:${c.version}`;
  const known = computed.get(key);
  if (known) return known;
  const { questionnaire: q, results: r } = await getResults(db, c);
  const factor = q.kind === 'skm' ? 25 : 1;
  const exclusion = exclusionOf(c);
  const items = new Map(r.items.map((i) => [i.code, i]));
  const result: PublishedCampaignResult = {
    campaignId: c.id,
    kind: q.kind,
    title: q.title,
    periodLabel: c.periodLabel,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    publishedAt: (c.publishedAt ?? c.updatedAt).toISOString(),
    n: r.n,
    excluded: r.responses.excluded,
    exclusion: exclusion ? { flags: [...exclusion.flags], reason: exclusion.reason } : null,
    targetSample: r.sample.target,
    index: r.index,
    marginOfError: r.marginOfError,
    ikm: r.ikm
      ? {
          value: r.ikm.convertedRounded,
          grade: r.ikm.grade,
          performance: r.ikm.performance,
          marginOfError: r.ikm.marginOfError,
        }
      : null,
    lke: r.lke ? { item: r.lke.item, value: r.lke.value, marginOfError: r.lke.marginOfError } : null,
    items: q.questions.flatMap((qq) => {
      if (qq.type !== 'scale') return [];
      const stat = items.get(qq.code);
      const nrr = stat?.nrr ?? null;
      return [
        {
          code: qq.code,
          aspect: qq.aspect,
          text: qq.text,
          n: stat?.n ?? 0,
          nrr,
          converted: nrr === null ? null : nrr * factor,
        },
      ];
    }),
  };
  if (computed.size >= MAX_ENTRIES) computed.clear();
  computed.set(key, result);
  return result;
};

/**
 * A unit's public results page: only the closed campaigns the unit published, only indices (never a
 * response, a profile breakdown or a count per service that could single someone out).
 */
export const getPublicResults = async (db: Tx, unitCode: string): Promise<PublicUnitResults> => {
  const unit = await findUnitByCode(db, unitCode);
  if (!unit) throw notFound('Unit');
  const campaigns = await listPublishedCampaigns(db, unit.id);
  return {
    unit: { code: unit.code, name: unit.name },
    campaigns: await Promise.all(campaigns.map((c) => publishedResult(db, c))),
  };
};
