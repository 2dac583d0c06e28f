import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agentKeys, agentsApi } from '../api.ts';

/**
 * On the worksheet: where the values of an item's count inputs came from when programme data wrote them
 * ("dari data Agen Perubahan: 3 agen, 7 perubahan"), as long as nobody changed them by hand since.
 */
export function AnswerFeedNote({ assessmentId, codes }: { assessmentId: string; codes: readonly string[] }) {
  const { t } = useTranslation();
  const feeds = useQuery({
    queryKey: agentKeys.feeds(assessmentId),
    queryFn: () => agentsApi.feeds(assessmentId),
  });
  const notes = [...new Set((feeds.data ?? []).filter((f) => codes.includes(f.code)).map((f) => f.note))];
  if (notes.length === 0) return null;
  return (
    <Alert color="blue" variant="light" mb="xs" title={t('changeAgents.feed.title')}>
      {notes.join(' ')}
    </Alert>
  );
}
