import type { QualityFlag } from '../../../core/survey/quality.ts';

/** Indonesian names of the quality flags, as printed in the workbook and the report. */
export const FLAG_LABELS: Record<QualityFlag, string> = {
  too_fast: 'terlalu cepat',
  straight_lining: 'jawaban seragam',
  directed: 'diarahkan petugas',
};

export const SAMPLING_LABELS: Record<string, string> = {
  'krejcie-morgan': 'Krejcie dan Morgan (taraf kepercayaan 95 %, galat 5 %)',
  'slovin-5': 'Slovin (e = 5 %)',
  'slovin-10': 'Slovin (e = 10 %)',
};
