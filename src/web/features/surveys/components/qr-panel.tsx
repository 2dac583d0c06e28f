import { Anchor, Button, Card, CopyButton, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { surveyLinks, type CampaignView } from '../api.ts';

/** The public link and its QR code per service counter, with PNG/SVG downloads. */
export function QrPanel({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('surveys.qr.title')}
      </Title>
      {campaign.status === 'draft' && (
        <Text size="sm" c="orange" mb="xs">
          {t('surveys.qr.draftNote')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {campaign.services.map((s) => {
          const link = surveyLinks.publicForm(campaign.id, s.code);
          return (
            <Stack key={s.code} gap={6} align="flex-start">
              <Text fw={600}>{s.name}</Text>
              <img
                src={surveyLinks.qrSvg(campaign.id, s.code)}
                alt={t('surveys.qr.alt', { service: s.name })}
                width={160}
                height={160}
                style={{ background: 'white' }}
              />
              <Anchor href={link} target="_blank" rel="noopener" size="sm" style={{ wordBreak: 'break-all' }}>
                {link}
              </Anchor>
              <Group gap={6}>
                <CopyButton value={link}>
                  {({ copied, copy }) => (
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={copy}
                      aria-label={t('surveys.qr.copyNamed', { service: s.name })}
                    >
                      {copied ? t('surveys.copied') : t('surveys.qr.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button
                  size="compact-xs"
                  variant="default"
                  component="a"
                  href={surveyLinks.qrPng(campaign.id, s.code)}
                  download
                  aria-label={t('surveys.qr.pngNamed', { service: s.name })}
                >
                  PNG
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  component="a"
                  href={surveyLinks.qrSvg(campaign.id, s.code)}
                  download
                  aria-label={t('surveys.qr.svgNamed', { service: s.name })}
                >
                  SVG
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  component="a"
                  href={surveyLinks.posterPdf(campaign.id, s.code)}
                  download
                  aria-label={t('surveys.qr.posterNamed', { service: s.name })}
                >
                  {t('surveys.qr.poster')}
                </Button>
              </Group>
            </Stack>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}
