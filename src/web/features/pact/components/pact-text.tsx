import { Box, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PactDocument } from '../../../../contracts/pact.ts';

/** The pact as the signer reads it, with its version and SHA-256 (what the signature is bound to). */
export function PactText({ document }: { document: PactDocument }) {
  const { t } = useTranslation();
  return (
    <>
      <Box
        component="article"
        aria-label={t('pact.textLabel')}
        p="md"
        style={{
          whiteSpace: 'pre-wrap',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 8,
          background: 'var(--mantine-color-gray-0)',
          lineHeight: 1.6,
        }}
      >
        {document.body}
      </Box>
      <Text size="xs" c="dimmed" mt={4} style={{ wordBreak: 'break-all' }}>
        {document.version === null
          ? t('pact.defaultVersion')
          : t('pact.version', { version: document.version })}
        {' · SHA-256 '}
        <Code>{document.sha256}</Code>
      </Text>
    </>
  );
}
