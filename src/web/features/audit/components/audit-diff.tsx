import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { diffValues, humanisePath, showValue, type ValueWords } from '../diff.ts';

/** Before and after as a readable table of changed fields; removals struck, additions marked, not colour alone. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t, i18n } = useTranslation();
  const rows = diffValues(before, after);
  const lng = i18n.language;
  const words: ValueWords = {
    yes: t('audit.value.yes'),
    no: t('audit.value.no'),
    empty: t('audit.value.empty'),
    reference: t('audit.value.reference'),
    entries: (count) => t('audit.value.entries', { count }),
    date: (iso) => formatDate(iso, lng),
    dateTime: (iso) => formatDateTime(iso, lng),
    number: (n) => formatNumber(n, lng),
  };
  const field = (path: string) => {
    const last = path.split('.').pop() ?? path;
    return t(`audit.fields.${last}`, { defaultValue: humanisePath(path) });
  };
  if (rows.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table fz="xs" withTableBorder layout="fixed" aria-label={t('audit.changes')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%">{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.path}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{field(row.path)}</Table.Td>
              <Table.Td bg={row.kind !== 'added' ? 'red.0' : undefined} style={{ overflowWrap: 'anywhere' }}>
                {row.kind !== 'added' && (
                  <Text span size="xs" td={row.kind === 'removed' ? 'line-through' : undefined}>
                    <span aria-hidden="true">− </span>
                    {showValue(row.before, words)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td
                bg={row.kind !== 'removed' ? 'green.0' : undefined}
                style={{ overflowWrap: 'anywhere' }}
              >
                {row.kind !== 'removed' && (
                  <Text span size="xs">
                    <span aria-hidden="true">+ </span>
                    {showValue(row.after, words)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
