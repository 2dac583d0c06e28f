import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerView } from '../../../../contracts/assessments.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { Draft } from '../draft-store.ts';

type Props = {
  code: string;
  label: string;
  current: AnswerView;
  mine: Draft | null;
  describeValue: (value: AnswerView['value']) => string;
  nameOf: (userId: string | null) => string;
  onTheirs: () => void;
  onMine: () => void;
};

/** 409 STALE_WRITE on one answer: the saved answer (who, when) beside hers; she chooses. */
export function StaleConflict({
  code,
  label,
  current,
  mine,
  describeValue,
  nameOf,
  onTheirs,
  onMine,
}: Props) {
  const { t, i18n } = useTranslation();
  const rows = [
    {
      field: t('ws.conflict.value'),
      theirs: describeValue(current.value),
      mine: describeValue(mine?.value ?? null),
    },
    { field: t('ws.explanation'), theirs: current.explanation, mine: mine?.explanation ?? '' },
  ];
  return (
    <Alert color="orange" variant="light" role="group" aria-labelledby={`conflict-${code}`}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={`conflict-${code}`}>
          {t('ws.conflict.title', { code: label })}
        </Title>
        <Text size="sm">
          {t('ws.conflict.explain', {
            who: nameOf(current.updatedBy),
            when: current.updatedAt ? formatDateTime(current.updatedAt, i18n.language) : '—',
          })}
        </Text>
        <Table.ScrollContainer minWidth={320}>
          <Table withTableBorder aria-label={t('ws.conflict.tableLabel', { code: label })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('ws.conflict.theirs')}</Table.Th>
                <Table.Th>{t('ws.conflict.mine')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.field}>
                  <Table.Th scope="row">{r.field}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.theirs || '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.mine || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group wrap="wrap">
          <Button variant="default" onClick={onTheirs}>
            {t('ws.conflict.takeTheirs')}
          </Button>
          <Button color="orange" onClick={onMine}>
            {t('ws.conflict.keepMine')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
