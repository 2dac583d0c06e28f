import type { RecapRow } from '../../../contracts/recap.ts';
import type { ReviewStatus } from '../../../core/review/review-status.ts';
import type { StoredScoreRow } from '../scores/write-scores.ts';
import { nextDeadline, type PeriodWindows } from './next-deadline.ts';

export type RecapUnit = { id: string; parentId: string | null; depth: number; code: string; name: string };
export type RecapHead = { id: string; unitId: string; status: string; target: string };

export type RecapFacts = {
  units: readonly RecapUnit[];
  rootDepth: number;
  heads: readonly RecapHead[];
  /** Stored rows, any order. */
  scores: readonly StoredScoreRow[];
  survey: ReadonlyMap<string, { ipak: number | null; ipkp: number | null }>;
  pact: ReadonlyMap<string, { signed: number; total: number }>;
  plans: ReadonlyMap<string, RecapRow['plans']>;
  findings: ReadonlyMap<string, number>;
  windows: PeriodWindows;
  today: string;
};

type AreaFigure = { number: number; score: string; weight: string };

/**
 * One row per unit, parents before children: the assessment's status and next deadline, completeness of the
 * unit's own answers, the unit's total and the latest reviewer level's, the latest level's components, areas
 * and eligibility, and the programme's figures. Pure: everything is loaded before.
 */
export const buildRecapRows = (f: RecapFacts): RecapRow[] => {
  const headOf = new Map(f.heads.map((h) => [h.unitId, h]));
  const rowsOf = new Map<string, StoredScoreRow[]>();
  for (const s of f.scores)
    (rowsOf.get(s.assessmentId) ?? rowsOf.set(s.assessmentId, []).get(s.assessmentId)!).push(s);
  return f.units.map((u) => {
    const head = headOf.get(u.id);
    const stored = head ? [...(rowsOf.get(head.id) ?? [])].sort((a, b) => a.levelRank - b.levelRank) : [];
    const own = stored[0];
    const latest = stored[stored.length - 1];
    const target = head?.target === 'WBBM' ? 'WBBM' : 'WBK';
    const status = head?.status as ReviewStatus | undefined;
    return {
      unitId: u.id,
      parentId: u.depth === f.rootDepth ? null : u.parentId,
      code: u.code,
      name: u.name,
      depth: u.depth - f.rootDepth,
      assessment:
        head && own && latest && status
          ? {
              id: head.id,
              status,
              target,
              nextDeadline: nextDeadline(status, f.windows, f.today),
              answered: own.answered,
              itemCount: own.itemCount,
              withEvidence: own.withEvidence,
              withExplanation: own.withExplanation,
              unitTotal: own.total,
              reviewer: latest.levelRank > 0 ? { level: latest.level, total: latest.total } : null,
              pengungkit: latest.pengungkit,
              hasil: latest.hasil,
              areaShares: (latest.areas as AreaFigure[]).map((a) => ({
                number: a.number,
                score: a.score,
                weight: a.weight,
              })),
              wbkEligible: latest.wbkEligible,
              wbbmEligible: latest.wbbmEligible,
              failedRules: target === 'WBBM' ? latest.wbbmFailed : latest.wbkFailed,
              ipak: f.survey.get(head.id)?.ipak ?? null,
              ipkp: f.survey.get(head.id)?.ipkp ?? null,
            }
          : null,
      pact: f.pact.get(u.id) ?? { signed: 0, total: 0 },
      plans: f.plans.get(u.id) ?? null,
      findingsPercent: f.findings.get(u.id) ?? null,
    };
  });
};
