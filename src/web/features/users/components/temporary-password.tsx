import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The one-time password: shown once, copied with one tap, never again retrievable. */
export function TemporaryPasswordModal({
  password,
  userName,
  onClose,
}: {
  password: string | null;
  userName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={password !== null}
      onClose={onClose}
      title={t('users.tempPassword.title')}
      closeOnClickOutside={false}
      zIndex={400}
    >
      <Stack>
        <Text size="sm">{t('users.tempPassword.intro', { name: userName })}</Text>
        <Code block fz="lg" aria-label={t('users.tempPassword.label')} data-testid="temporary-password">
          {password}
        </Code>
        <Alert color="orange" variant="light">
          {t('users.tempPassword.once')}
        </Alert>
        <Group justify="space-between">
          <CopyButton value={password ?? ''}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'light' : 'filled'} onClick={copy}>
                {copied ? t('users.tempPassword.copied') : t('users.tempPassword.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('users.tempPassword.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
