import { Badge, Card, ScrollArea, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LevelView, ReviewView } from '../../../../contracts/reviews.ts';
import { formatNumber } from '../../../lib/format.ts';
import { levelScoreRows } from '../review-model.ts';
import { useLevelName } from './level-name.ts';

/**
 * The score of each level side by side, bottom up: total, Pengungkit, Hasil, the target predicate's check, and
 * where a level differs from the one below it (the change in total, the items answered differently).
 */
export function LevelScores({ view }: { view: ReviewView }) {
  const { t, i18n } = useTranslation();
  const levelName = useLevelName(view.config);
  const num = (x: number) => formatNumber(x, i18n.language, 2);
  const target = view.assessment.target;
  const verdict = (l: LevelView) => l.predicates.find((p) => p.id === target);
  const rows = levelScoreRows(view.levels).filter((r) => r.level.reached || r.level.level === view.myLevel);
  return (
    <Card withBorder radius="md" component="section" aria-label={t('review.scores.title')}>
      <Title order={2} size="h4" mb="xs">
        {t('review.scores.title')}
      </Title>
      <ScrollArea type="auto">
        <Table striped withTableBorder={false} miw={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('review.scores.level')}</Table.Th>
              <Table.Th ta="right">{t('review.scores.total')}</Table.Th>
              <Table.Th ta="right">{t('review.scores.pengungkit')}</Table.Th>
              <Table.Th ta="right">{t('review.scores.hasil')}</Table.Th>
              <Table.Th>{t('review.scores.predicate', { target })}</Table.Th>
              <Table.Th>{t('review.scores.difference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ level, deltaTotal, changed }) => {
              const check = verdict(level);
              const differs = changed > 0 || (deltaTotal !== null && deltaTotal !== 0);
              return (
                <Table.Tr
                  key={level.level}
                  aria-label={levelName(level.level)}
                  data-differs={differs || undefined}
                  style={differs ? { background: 'var(--mantine-color-yellow-0)' } : undefined}
                >
                  <Table.Td>
                    <Text size="sm" fw={level.level === view.myLevel ? 700 : 400}>
                      {levelName(level.level)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {num(level.score.total)}
                  </Table.Td>
                  <Table.Td ta="right">{num(level.score.pengungkit)}</Table.Td>
                  <Table.Td ta="right">{num(level.score.hasil)}</Table.Td>
                  <Table.Td>
                    {check && (
                      <Badge
                        color={check.eligible ? 'teal' : 'red'}
                        variant="light"
                        style={{ textTransform: 'none' }}
                      >
                        {t(check.eligible ? 'review.scores.meets' : 'review.scores.fails')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {deltaTotal === null ? (
                      '—'
                    ) : differs ? (
                      <Text size="sm" c="orange.9">
                        {t('review.scores.delta', {
                          delta: `${deltaTotal > 0 ? '+' : ''}${num(deltaTotal)}`,
                          count: changed,
                        })}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('review.scores.same')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Card>
  );
}
