import { Anchor, Button, Card, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import type { SigningLinkView } from '../api.ts';

/** Fresh one-time links, shown once (only their hash is kept): copy, or let the employee scan the QR code. */
export function LinksList({ links }: { links: SigningLinkView[] }) {
  const { t, i18n } = useTranslation();
  if (links.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text size="sm" c="orange">
        {t('pact.links.once')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {links.map((l) => (
          <Card key={l.url} withBorder radius="md" aria-label={t('pact.links.cardNamed', { name: l.name })}>
            <Stack gap={6} align="flex-start">
              <Text fw={600}>{l.name}</Text>
              <img
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(l.qrSvg)}`}
                alt={t('pact.links.qrAlt', { name: l.name })}
                width={150}
                height={150}
                style={{ background: 'white' }}
              />
              <Anchor
                href={l.url}
                target="_blank"
                rel="noopener"
                size="xs"
                style={{ wordBreak: 'break-all' }}
              >
                {l.url}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('pact.links.expires', { at: formatDateTime(l.expiresAt, i18n.language) })}
              </Text>
              <CopyButton value={l.url}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={copy}
                    aria-label={t('pact.links.copyNamed', { name: l.name })}
                  >
                    {copied ? t('pact.links.copied') : t('pact.links.copy')}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Group />
    </Stack>
  );
}
