import { Alert, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type ConflictField = { label: string; mine: string; current: string };

type Props = {
  fields: ConflictField[];
  onReload: () => void;
  onOverwrite: () => void;
  busy?: boolean;
};

/**
 * Someone saved this record while the user was editing it (409 STALE_WRITE). Both versions are shown side by
 * side and the user chooses: take the saved one, or overwrite it with hers. Nothing is lost silently.
 * It replaces the form inside the same dialog, so no second dialog stacks over the first.
 */
export function ConflictPanel({ fields, onReload, onOverwrite, busy }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack role="group" aria-labelledby="conflict-title">
      <Title order={2} size="h4" id="conflict-title" ref={heading} tabIndex={-1}>
        {t('conflict.title')}
      </Title>
      <Alert color="orange" variant="light">
        {t('conflict.explain')}
      </Alert>
      <Table.ScrollContainer minWidth={360}>
        <Table withTableBorder striped aria-label={t('conflict.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('conflict.field')}</Table.Th>
              <Table.Th>{t('conflict.mine')}</Table.Th>
              <Table.Th>{t('conflict.current')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => {
              const differs = field.mine !== field.current;
              return (
                <Table.Tr key={field.label}>
                  <Table.Td>
                    {field.label}
                    {differs && <VisuallyHidden> ({t('conflict.differs')})</VisuallyHidden>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={differs ? 700 : undefined}>
                      {field.mine || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={differs ? 700 : undefined}>
                      {field.current || '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" wrap="wrap">
        <Button variant="default" onClick={onReload} disabled={busy}>
          {t('conflict.reload')}
        </Button>
        <Button color="orange" onClick={onOverwrite} loading={busy}>
          {t('conflict.overwrite')}
        </Button>
      </Group>
    </Stack>
  );
}
