import { Anchor, Badge, Group, List, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Worksheet } from '../../../../contracts/assessments.ts';

/**
 * On the unit's worksheet: every item an evaluator returned, with her note and whether it still waits for the
 * unit or for her recheck, each a link to the item. Nothing while no item is marked.
 */
export function ReturnedItems({
  itemReviews,
  current,
  onItem,
}: {
  itemReviews: Worksheet['itemReviews'];
  current?: string;
  onItem: (code: string) => void;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(itemReviews).sort(([a], [b]) => a.localeCompare(b, 'id', { numeric: true }));
  if (entries.length === 0) return null;
  const waiting = entries.filter(([, r]) => r.status === 'returned').length;
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t('review.returned.title')}>
      <Text fw={700} size="sm">
        {t('review.returned.title')}
      </Text>
      <Text size="sm" c="dimmed" mb={4}>
        {t('review.returned.summary', { waiting, total: entries.length })}
      </Text>
      <List size="sm" spacing={4} listStyleType="none">
        {entries.map(([code, r]) => (
          <List.Item key={code}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Anchor
                component="button"
                type="button"
                size="sm"
                fw={code === current ? 700 : 500}
                onClick={() => onItem(code)}
                aria-label={t('review.returned.open', { code })}
              >
                {code}
              </Anchor>
              <Badge
                size="xs"
                color={r.status === 'returned' ? 'red' : 'yellow'}
                variant="light"
                style={{ textTransform: 'none', flexShrink: 0 }}
              >
                {t(`review.item.status.${r.status}`)}
              </Badge>
              {/* The open item shows its note in full below; here it is only marked as the one open. */}
              {code === current ? (
                <Text size="sm" c="dimmed">
                  {t('review.returned.current')}
                </Text>
              ) : (
                <Text size="sm" lineClamp={2}>
                  {r.returnNote}
                </Text>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
