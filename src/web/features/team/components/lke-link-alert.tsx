import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LkeLinkOutcome } from '../../../../contracts/team.ts';

/**
 * What became of a programme document in the LKE: attached to its item, or not (no assessment of the year, or
 * a locked one), with the wording of the feature that made it (`team.lkeLink`, `actionPlans.reports.lkeLink`).
 */
export function LkeLinkAlert({
  outcome,
  keyPrefix,
  onClose,
}: {
  outcome: LkeLinkOutcome;
  keyPrefix: 'team.lkeLink' | 'actionPlans.reports.lkeLink';
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const state = outcome.linked ? 'linked' : (outcome.reason ?? 'no_assessment');
  return (
    <Alert
      color={outcome.linked ? 'green' : 'orange'}
      variant="light"
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      role="status"
    >
      {t(`${keyPrefix}.${state}`, { code: outcome.code })}
    </Alert>
  );
}
