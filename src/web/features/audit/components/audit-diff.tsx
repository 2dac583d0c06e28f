import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffValues, showValue } from '../diff.ts';

/** Before and after as a readable table of changed fields; removals struck, additions marked, not colour alone. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = diffValues(before, after);
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
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <code>{row.path}</code>
              </Table.Td>
              <Table.Td bg={row.kind !== 'added' ? 'red.0' : undefined} style={{ overflowWrap: 'anywhere' }}>
                {row.kind !== 'added' && (
                  <Text span size="xs" td={row.kind === 'removed' ? 'line-through' : undefined}>
                    <span aria-hidden="true">− </span>
                    {showValue(row.before)}
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
                    {showValue(row.after)}
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
