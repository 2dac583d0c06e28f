import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The island mark and the name: "Pulau" over "Zona Integritas". */
export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const mark = size === 'lg' ? 44 : 32;
  return (
    <Group gap="xs" wrap="nowrap">
      <svg width={mark} height={mark} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <circle cx="16" cy="16" r="16" fill="var(--mantine-color-teal-8)" />
        <path d="M5 21c4-7 8-9 11-9s7 2 11 9z" fill="var(--mantine-color-green-3)" />
        <path d="M14 12c0-4 1-6 3-7-1 2-1 4 0 7z" fill="var(--mantine-color-green-5)" />
        <path d="M4 23h24" stroke="var(--mantine-color-cyan-2)" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <Stack gap={0}>
        <Text fw={800} size={size === 'lg' ? 'xl' : 'lg'} lh={1.1} c="teal.9">
          {t('app.name')}
        </Text>
        <Text size="xs" c="dimmed" lh={1.1}>
          {t('app.subtitle')}
        </Text>
      </Stack>
    </Group>
  );
}
