import { eq } from 'drizzle-orm';
import type { SurveyResults } from '../../../contracts/surveys.ts';
import type { Questionnaire } from '../../../core/survey/questionnaire-schema.ts';
import { scoredQuestions } from '../../../core/survey/questionnaire-schema.ts';
import { classifyIkm, convertedHundredths, type IkmGrade } from '../../../core/survey/ikm.ts';
import { ratio } from '../../../core/shared/exact.ts';
import type { Tx } from '../../db/client.ts';
import { units } from '../../db/schema.ts';
import { loadDocumentLook, type DocumentLook } from '../../documents/kit/document-look.ts';
import { unitLeader, type Signer } from '../../documents/kit/signers.ts';
import { getResults } from './get-results.ts';
import type { CampaignRow } from './repo.ts';

export type ReportUnit = { id: string; code: string; name: string };

export const findUnitIdentity = async (db: Tx, unitId: string): Promise<ReportUnit | undefined> => {
  const [row] = await db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(eq(units.id, unitId));
  return row;
};

/** What the report and the workbook's summary print: the results route's figures plus names and texts. */
export type ReportData = {
  campaign: CampaignRow;
  unit: ReportUnit;
  questionnaire: Questionnaire;
  results: SurveyResults;
  /** Scored items in display order with their unsur name, NRR, weighted NRR and (SKM) grade of 25 × NRR. */
  items: {
    code: string;
    aspect: string;
    text: string;
    n: number;
    sum: number;
    nrr: number | null;
    weighted: number | null;
    converted: number | null;
    grade: IkmGrade | null;
  }[];
  /** The unit's leader's position by its agency's title ("Ketua KPU Kabupaten Sumenep"), place, name, NIP. */
  look: DocumentLook;
  leader: Signer;
};

export const SURVEY_TITLES: Record<Questionnaire['kind'], { title: string; index: string }> = {
  skm: { title: 'Survei Kepuasan Masyarakat (SKM)', index: 'Indeks Kepuasan Masyarakat (IKM)' },
  ipak: { title: 'Survei Persepsi Anti Korupsi (SPAK)', index: 'Indeks Persepsi Anti Korupsi (IPAK)' },
  ipkp: {
    title: 'Survei Persepsi Kualitas Pelayanan (SPKP)',
    index: 'Indeks Persepsi Kualitas Pelayanan (IPKP)',
  },
};

export const loadReportData = async (db: Tx, campaign: CampaignRow): Promise<ReportData> => {
  const { questionnaire, results } = await getResults(db, campaign);
  const unit = (await findUnitIdentity(db, campaign.unitId)) ?? {
    id: campaign.unitId,
    code: '',
    name: '',
  };
  const look = await loadDocumentLook(db, campaign.unitId);
  const leader = await unitLeader(db, campaign.unitId);
  const answered = results.items.filter((it) => it.n > 0).length;
  const items = scoredQuestions(questionnaire).map((qq) => {
    const it = results.items.find((i) => i.code === qq.code);
    const nrr = it?.nrr ?? null;
    return {
      code: qq.code,
      aspect: qq.aspect.id,
      text: qq.text.id,
      n: it?.n ?? 0,
      sum: it?.sum ?? 0,
      nrr,
      weighted: nrr === null || answered === 0 ? null : nrr / answered,
      ...(it && it.n > 0
        ? (() => {
            const h = convertedHundredths(ratio(it.sum, it.n));
            return { converted: h / 100, grade: classifyIkm(h).grade };
          })()
        : { converted: null, grade: null }),
    };
  });
  return { campaign, unit, questionnaire, results, items, look, leader };
};
