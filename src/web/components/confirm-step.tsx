import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

export type ConfirmStepProps = {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  /** What will happen, in the reader's words, including what cannot be undone. */
  happens: readonly string[];
  /** Who will be told (in the inbox and by e-mail), or that nobody is. */
  told: string;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  error?: unknown;
  children?: ReactNode;
};

/**
 * The one question before an irreversible step (submit, approve, remove an evaluator, close a survey): what
 * will happen and who will be told, with "Batal" focused first so Enter never commits by accident.
 */
export function ConfirmStep(props: ConfirmStepProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('confirm.happens')}
        </Text>
        <List size="sm" spacing={4}>
          {props.happens.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Text size="sm">
          <Text span fw={600}>
            {t('confirm.told')}
          </Text>{' '}
          {props.told}
        </Text>
        {props.children}
        {props.error ? <ErrorAlert error={props.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={props.color} loading={props.loading} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
