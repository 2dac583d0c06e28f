import { Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * What a person may forward to the help desk, behind "Detail teknis" and never first: the code, the status
 * and the server's developer text. A native disclosure, so it works with the keyboard and screen readers.
 */
export function TechnicalDetail({ detail }: { detail: string | null }) {
  const { t } = useTranslation();
  if (!detail) return null;
  return (
    <details style={{ marginTop: 4 }}>
      <summary style={{ cursor: 'pointer' }}>
        <Text span size="xs" c="dimmed">
          {t('errors.technicalDetail')}
        </Text>
      </summary>
      <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {detail}
      </Code>
    </details>
  );
}
