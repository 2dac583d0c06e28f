import { Button, Card, CopyButton, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { surveysApi, type CampaignView } from '../api.ts';

/** "Buat kode sekali pakai": N codes for queue tickets, shown once (only their hashes are stored). */
export function CodesPanel({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  const [count, setCount] = useState('50');
  const generate = useMutation({ mutationFn: () => surveysApi.codes(campaign.id, Number(count)) });
  const text = generate.data?.join('\n') ?? '';
  const n = Number(count);
  const valid = Number.isInteger(n) && n >= 1 && n <= 5000;
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('surveys.codes.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('surveys.codes.help')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) generate.mutate();
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('surveys.codes.count')}
            type="number"
            inputMode="numeric"
            min={1}
            max={5000}
            value={count}
            onChange={(e) => setCount(e.currentTarget.value)}
            style={{ flex: '1 1 8rem' }}
          />
          <Button
            type="submit"
            loading={generate.isPending}
            disabled={!valid || campaign.status === 'closed'}
          >
            {t('surveys.codes.generate')}
          </Button>
        </Group>
      </form>
      {generate.isError && <ErrorAlert error={generate.error} />}
      {generate.data && (
        <Stack mt="sm" gap="xs">
          <Text size="sm" fw={700} role="status">
            {t('surveys.codes.shownOnce', { n: generate.data.length })}
          </Text>
          <Textarea
            label={t('surveys.codes.list')}
            value={text}
            readOnly
            autosize
            minRows={3}
            maxRows={10}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Group>
            <CopyButton value={text}>
              {({ copied, copy }) => (
                <Button variant="light" size="compact-sm" onClick={copy}>
                  {copied ? t('surveys.copied') : t('surveys.codes.copy')}
                </Button>
              )}
            </CopyButton>
            <Button
              variant="light"
              size="compact-sm"
              component="a"
              href={`data:text/plain;charset=utf-8,${encodeURIComponent(text + '\n')}`}
              download={`kode-survei-${campaign.id}.txt`}
            >
              {t('surveys.codes.download')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
