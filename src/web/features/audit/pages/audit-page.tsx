import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { dayBoundary, formatDateTime } from '../../../lib/format.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { useActorsQuery, useAuditQuery, type AuditFilters } from '../api.ts';
import { AuditDiff } from '../components/audit-diff.tsx';

type Values = { unitId: string | null; actorId: string | null; action: string; from: string; to: string };

const toFilters = (values: Values): AuditFilters => ({
  unitId: values.unitId ?? undefined,
  actorId: values.actorId ?? undefined,
  action: values.action.trim() || undefined,
  from: dayBoundary(values.from, false),
  to: dayBoundary(values.to, true),
});

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const units = useUnitsQuery();
  const actors = useActorsQuery();
  const [filters, setFilters] = useState<AuditFilters>({});
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { unitId: null, actorId: null, action: '', from: '', to: '' },
    validate: (values) =>
      values.from && values.to && values.from > values.to ? { to: t('audit.badRange') } : {},
  });
  const audit = useAuditQuery(filters);
  const unitById = useMemo(() => new Map((units.data ?? []).map((unit) => [unit.id, unit])), [units.data]);
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card withBorder mb="md">
        <form onSubmit={form.onSubmit((values) => setFilters(toFilters(values)))} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <UnitSelect
                label={t('audit.unit')}
                units={units.data ?? []}
                value={form.values.unitId}
                onChange={(id) => form.setFieldValue('unitId', id)}
                clearable
              />
              {actors.isSuccess && (
                <Select
                  label={t('audit.actor')}
                  searchable
                  clearable
                  data={actors.data.map((user) => ({
                    value: user.id,
                    label: `${user.name} (${user.email})`,
                  }))}
                  {...form.getInputProps('actorId')}
                />
              )}
              <TextInput
                label={t('audit.action')}
                description={t('audit.actionHint')}
                {...form.getInputProps('action')}
              />
              <TextInput label={t('audit.from')} type="date" {...form.getInputProps('from')} />
              <TextInput label={t('audit.to')} type="date" {...form.getInputProps('to')} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  form.reset();
                  setFilters({});
                }}
              >
                {t('audit.clear')}
              </Button>
              <Button type="submit">{t('audit.apply')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>

      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <ErrorAlert error={audit.error} />
      ) : entries.length === 0 ? (
        <Alert color="gray">{t('audit.empty')}</Alert>
      ) : (
        <Stack gap="sm">
          <ol
            style={{
              listStyle: 'none',
              margin: 0,
              padding: 0,
              display: 'grid',
              gap: 'var(--mantine-spacing-sm)',
            }}
            aria-label={t('audit.entries')}
          >
            {entries.map((entry) => {
              const unit = entry.unitId ? unitById.get(entry.unitId) : undefined;
              return (
                <li key={entry.seq}>
                  <Card withBorder padding="sm">
                    <Stack gap={6}>
                      <Group justify="space-between" gap="xs">
                        <Group gap="xs">
                          <Badge variant="light" color="lagoon" tt="none">
                            {t(`audit.actions.${entry.action.replace(/\./g, '_')}`, {
                              defaultValue: entry.action,
                            })}
                          </Badge>
                          <Text size="sm" fw={600}>
                            {entry.actorLabel}
                          </Text>
                        </Group>
                        <Text size="xs" c="dimmed">
                          <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time> · #
                          {entry.seq}
                        </Text>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t(`audit.subjects.${entry.subjectType}`, { defaultValue: entry.subjectType })}
                        {unit ? ` · ${unit.name}` : ''}
                        {entry.ip ? ` · ${entry.ip}` : ''}
                      </Text>
                      <AuditDiff before={entry.before} after={entry.after} />
                    </Stack>
                  </Card>
                </li>
              );
            })}
          </ol>
          {audit.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void audit.fetchNextPage()}
              loading={audit.isFetchingNextPage}
            >
              {t('audit.loadMore')}
            </Button>
          ) : (
            <Text size="xs" c="dimmed" ta="center">
              {t('audit.end')}
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}
