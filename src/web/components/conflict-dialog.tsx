import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type ConflictField = { label: string; mine: string; current: string };

type Props = {
  opened: boolean;
  fields: ConflictField[];
  onReload: () => void;
  onOverwrite: () => void;
  onClose: () => void;
  busy?: boolean;
};

/**
 * Someone saved this record while the user was editing it (409 STALE_WRITE). Both versions are shown side by
 * side and the user chooses: take the saved one, or overwrite it with hers. Nothing is lost silently.
 */
export function ConflictDialog({ opened, fields, onReload, onOverwrite, onClose, busy }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('conflict.title')} size="lg">
      <Stack>
        <Alert color="orange" variant="light">
          {t('conflict.explain')}
        </Alert>
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conflict.field')}</Table.Th>
                <Table.Th>{t('conflict.mine')}</Table.Th>
                <Table.Th>{t('conflict.current')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => (
                <Table.Tr key={field.label}>
                  <Table.Td>{field.label}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={field.mine !== field.current ? 700 : undefined}>
                      {field.mine || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={field.mine !== field.current ? 700 : undefined}>
                      {field.current || '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
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
    </Modal>
  );
}
