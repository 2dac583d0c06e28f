import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewConfigView } from '../../../../contracts/reviews.ts';
import { levelKey } from '../review-model.ts';

/** Names a level of answers: "TPI · Ketua tim (tahap 2 dari 3)", "TPN · Evaluasi lapangan", "Unit". */
export const useLevelName = (config: ReviewConfigView) => {
  const { t } = useTranslation();
  return useCallback(
    (level: string) => {
      const { key, stage } = levelKey(level);
      if (stage === undefined) return t(key);
      const index = config.tpiStages.findIndex((s) => s.id === stage);
      return t(key, {
        stage: t(`review.position.${stage}`, { defaultValue: stage }),
        n: index + 1,
        of: config.tpiStages.length,
      });
    },
    [t, config],
  );
};
