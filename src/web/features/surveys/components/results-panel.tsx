import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import type { Results } from '../api.ts';
import { SampleBar } from './campaign-status.tsx';

const ci = (lng: string, interval: [number, number] | null) =>
  interval ? `${formatNumber(interval[0], lng, 2)} – ${formatNumber(interval[1], lng, 2)}` : '—';
const num = (lng: string, x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? '—' : formatNumber(x, lng, digits);

function Figure({ label, value, hint }: { label: string; value: string; hint?: React.ReactNode }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" aria-label={`${label}: ${value}`}>
        {value}
      </Text>
      {hint}
    </Card>
  );
}

/** Achieved vs target per service, the index with its CI and margin of error, exclusions, breakdowns. */
export function ResultsPanel({ results }: { results: Results }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const serviceName = new Map(results.services.map((s) => [s.code, s.name]));
  const flagged = Object.entries(results.responses.flagged).filter(([, n]) => (n ?? 0) > 0);
  return (
    <Stack>
      <Card withBorder radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('surveys.results.sample')}
        </Title>
        <Stack gap="sm">
          <SampleBar
            label={t('surveys.total')}
            achieved={results.sample.achieved}
            target={results.sample.target}
          />
          {results.services.map((s) => (
            <SampleBar
              key={s.code}
              label={s.name}
              achieved={s.progress.achieved}
              target={s.progress.target}
            />
          ))}
          <Text size="sm" c={results.sample.meetsLkeMinimum ? 'teal' : 'orange'}>
            {results.sample.meetsLkeMinimum
              ? t('surveys.results.minimumMet', { minimum: results.sample.lkeMinimum })
              : t('surveys.results.minimumNotMet', { minimum: results.sample.lkeMinimum })}
          </Text>
        </Stack>
      </Card>
      <Card withBorder radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('surveys.results.index')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {results.ikm && (
            <Figure
              label={t('surveys.results.ikm')}
              value={num(lng, results.ikm.convertedRounded)}
              hint={
                <Group gap={4}>
                  <Badge style={{ textTransform: 'none' }}>
                    {t('surveys.results.grade', { grade: results.ikm.grade })}
                  </Badge>
                  <Badge variant="light" style={{ textTransform: 'none' }}>
                    {lng === 'en' ? results.ikm.performance.en : results.ikm.performance.id}
                  </Badge>
                </Group>
              }
            />
          )}
          {results.lke && (
            <Figure
              label={t('surveys.results.lkeValue', { item: results.lke.item })}
              value={num(lng, results.lke.value)}
              hint={
                <Text size="xs" c="dimmed">
                  {t('surveys.results.scale04')}
                </Text>
              }
            />
          )}
          {!results.ikm && !results.lke && <Figure label={t('surveys.results.indexLabel')} value="—" />}
          <Figure
            label={t('surveys.results.ci')}
            value={ci(lng, results.ikm?.ci ?? results.lke?.ci ?? null)}
          />
          <Figure
            label={t('surveys.results.moe')}
            value={(() => {
              const moe = results.ikm?.marginOfError ?? results.lke?.marginOfError ?? null;
              return moe === null ? '—' : `± ${num(lng, moe)}`;
            })()}
          />
        </SimpleGrid>
        <Stack gap={2} mt="sm">
          <Text size="sm">
            {t('surveys.results.counts', {
              total: results.responses.total,
              included: results.responses.included,
              excluded: results.responses.excluded,
            })}
          </Text>
          {flagged.length > 0 && (
            <Text size="xs" c="dimmed">
              {flagged.map(([flag, n]) => `${t(`surveys.flag.${flag}`)}: ${n}`).join(' · ')}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('surveys.results.itemScale', { index: num(lng, results.index) })}
          </Text>
        </Stack>
      </Card>
      {results.items.length > 0 && (
        <Card withBorder radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('surveys.results.items')}
          </Title>
          <Table.ScrollContainer minWidth={280}>
            <Table striped aria-label={t('surveys.results.items')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('surveys.results.element')}</Table.Th>
                  <Table.Th>n</Table.Th>
                  <Table.Th>NRR</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.items.map((item) => (
                  <Table.Tr key={item.code}>
                    <Table.Td>{item.code}</Table.Td>
                    <Table.Td>{item.n}</Table.Td>
                    <Table.Td>{num(lng, item.nrr)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {results.breakdowns.map((b) => {
        const title = t('surveys.results.breakdownBy', {
          field: t(`surveys.field.${b.field}`, { defaultValue: b.field }),
        });
        const max = Math.max(1, ...b.groups.map((g) => g.n));
        return (
          <Card key={b.field} withBorder radius="md">
            <Title order={2} size="h4" mb="sm">
              {title}
            </Title>
            <Table.ScrollContainer minWidth={320}>
              <Table striped aria-label={title}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.results.group')}</Table.Th>
                    <Table.Th>n</Table.Th>
                    <Table.Th>{t('surveys.results.indexLabel')}</Table.Th>
                    <Table.Th>{t('surveys.results.moe')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.groups.map((g) => (
                    <Table.Tr key={g.value}>
                      <Table.Td>
                        <Stack gap={2}>
                          <span>
                            {g.label
                              ? lng === 'en'
                                ? g.label.en
                                : g.label.id
                              : (serviceName.get(g.value) ?? g.value)}
                          </span>
                          <div
                            aria-hidden="true"
                            style={{
                              height: 6,
                              width: `${(g.n / max) * 100}%`,
                              background: 'var(--mantine-color-teal-5)',
                              borderRadius: 3,
                            }}
                          />
                        </Stack>
                      </Table.Td>
                      <Table.Td>{g.n}</Table.Td>
                      <Table.Td>
                        {g.n === 0
                          ? '—'
                          : g.suppressed
                            ? t('surveys.results.suppressed')
                            : num(lng, g.converted ?? g.index)}
                      </Table.Td>
                      <Table.Td>{g.marginOfError === null ? '—' : `± ${num(lng, g.marginOfError)}`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {b.unanswered > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('surveys.results.unanswered', { n: b.unanswered })}
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
