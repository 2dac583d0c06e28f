import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { pactApi, pactKeys, signedListUrl, type SigningLinkView } from '../api.ts';
import { AttachPanel } from '../components/attach-panel.tsx';
import { LinksList } from '../components/links-list.tsx';
import { PactText } from '../components/pact-text.tsx';

/**
 * The unit's integrity pact: its text (edited into a new version), "412 dari 430 sudah menandatangani", who
 * has not signed, reminders, one-time links for staff without accounts, the signed-list PDF and the step that
 * turns it into LKE evidence.
 */
export function PactPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'programme.read', u.path));
  const unitId = params.get('unit') ?? (readable.length === 1 ? (readable[0]?.id ?? null) : null);
  const unit = readable.find((u) => u.id === unitId);
  const may = (action: Parameters<typeof canOnUnit>[1]) => (unit ? canOnUnit(me, action, unit.path) : false);
  const overview = useQuery({
    queryKey: pactKeys.overview(unitId),
    queryFn: () => pactApi.overview(unitId ?? ''),
    enabled: Boolean(unitId),
  });
  const status = useQuery({
    queryKey: pactKeys.status(unitId),
    queryFn: () => pactApi.status(unitId ?? ''),
    enabled: Boolean(unitId) && may('employee.read'),
  });
  const [draft, setDraft] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [links, setLinks] = useState<SigningLinkView[]>([]);
  const refresh = () =>
    client
      .invalidateQueries({ queryKey: ['pact'] })
      .then(() => client.invalidateQueries({ queryKey: ['pact-status'] }));
  const save = useMutation({
    mutationFn: () => pactApi.save(unitId ?? '', draft ?? '', overview.data?.document.version ?? null),
    onSuccess: async () => {
      setDraft(null);
      await refresh();
    },
  });
  const makeLinks = useMutation({
    mutationFn: (ids: string[]) => pactApi.links(unitId ?? '', ids),
    onSuccess: (made) => {
      setLinks(made);
      setSelected([]);
    },
  });
  const remind = useMutation({
    mutationFn: () => pactApi.remind(unitId ?? ''),
    onSuccess: (r) => setLinks(r.links),
  });

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  const unsigned = (status.data ?? []).filter((r) => r.signedAt === null);
  const progress = overview.data?.progress;

  return (
    <>
      <PageHeader title={t('pact.title')} description={t('pact.description')} />
      <Stack>
        <UnitSelect
          label={t('pact.unit')}
          units={readable}
          value={unitId}
          onChange={(id) => {
            setParams(id ? { unit: id } : {});
            setLinks([]);
            setDraft(null);
          }}
        />
        {overview.isError && <ErrorAlert error={overview.error} />}
        {progress && (
          <Card withBorder radius="md">
            <Text fw={700} size="lg">
              {t('pact.progress', { signed: progress.signed, total: progress.total })}
            </Text>
            <Progress
              value={progress.percent}
              size="xl"
              mt="xs"
              aria-label={t('pact.progressLabel', { percent: progress.percent })}
            />
            <Text size="sm" c="dimmed" mt={4}>
              {progress.percent} %
            </Text>
          </Card>
        )}
        {overview.data && (
          <Card withBorder radius="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                {t('pact.textTitle')}
              </Title>
              {may('programme.manage') && draft === null && (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setDraft(overview.data.document.body)}
                >
                  {t('pact.edit')}
                </Button>
              )}
            </Group>
            {draft === null ? (
              <PactText document={overview.data.document} />
            ) : (
              <Stack>
                <Text size="sm" c="orange">
                  {t('pact.editNote')}
                </Text>
                <Textarea
                  label={t('pact.textLabel')}
                  autosize
                  minRows={10}
                  value={draft}
                  onChange={(e) => setDraft(e.currentTarget.value)}
                />
                {save.isError && <ErrorAlert error={save.error} />}
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setDraft(null)}>
                    {t('common.cancel')}
                  </Button>
                  <Button loading={save.isPending} onClick={() => save.mutate()}>
                    {t('pact.saveVersion')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Card>
        )}
        {unit && may('employee.read') && (
          <Card withBorder radius="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                {t('pact.unsigned.title', { count: unsigned.length })}
              </Title>
              <Group gap="xs">
                <Button component="a" href={signedListUrl(unit.id)} variant="default" size="compact-sm">
                  {t('pact.pdf')}
                </Button>
                {may('employee.manage') && (
                  <>
                    <Button
                      size="compact-sm"
                      variant="default"
                      disabled={selected.length === 0}
                      loading={makeLinks.isPending}
                      onClick={() => makeLinks.mutate(selected)}
                    >
                      {t('pact.links.make', { count: selected.length })}
                    </Button>
                    <Button
                      size="compact-sm"
                      disabled={unsigned.length === 0}
                      loading={remind.isPending}
                      onClick={() => remind.mutate()}
                    >
                      {t('pact.remind')}
                    </Button>
                  </>
                )}
              </Group>
            </Group>
            {status.isError && <ErrorAlert error={status.error} />}
            {makeLinks.isError && <ErrorAlert error={makeLinks.error} />}
            {remind.isError && <ErrorAlert error={remind.error} />}
            {remind.isSuccess && (
              <Alert color="teal" mb="xs">
                {t('pact.reminded', { notified: remind.data.notified, links: remind.data.links.length })}
              </Alert>
            )}
            <LinksList links={links} />
            {unsigned.length === 0 ? (
              <Text c="dimmed">{t('pact.unsigned.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped aria-label={t('pact.unsigned.table')}>
                  <Table.Thead>
                    <Table.Tr>
                      {may('employee.manage') && <Table.Th w={40} />}
                      <Table.Th>{t('employees.name')}</Table.Th>
                      <Table.Th>{t('employees.nip')}</Table.Th>
                      <Table.Th>{t('employees.position')}</Table.Th>
                      <Table.Th>{t('employees.account')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {unsigned.map((r) => (
                      <Table.Tr key={r.employeeId}>
                        {may('employee.manage') && (
                          <Table.Td>
                            <Checkbox
                              aria-label={t('pact.links.select', { name: r.name })}
                              checked={selected.includes(r.employeeId)}
                              onChange={(e) => {
                                const on = e.currentTarget.checked;
                                setSelected((s) =>
                                  on ? [...s, r.employeeId] : s.filter((x) => x !== r.employeeId),
                                );
                              }}
                            />
                          </Table.Td>
                        )}
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td ff="monospace">{r.nip ?? '–'}</Table.Td>
                        <Table.Td>{r.position || '–'}</Table.Td>
                        <Table.Td>{r.hasAccount ? t('pact.hasAccount') : t('employees.noAccount')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {(status.data ?? []).some((r) => r.signedAt) && (
              <Text size="xs" c="dimmed" mt="xs">
                {t('pact.lastSigned', {
                  at: formatDateTime(
                    (status.data ?? [])
                      .map((r) => r.signedAt ?? '')
                      .sort()
                      .at(-1) ?? '',
                    i18n.language,
                  ),
                })}
              </Text>
            )}
          </Card>
        )}
        {unit && may('evidence.upload') && (
          <Card withBorder radius="md">
            <Title order={2} size="h4" mb="xs">
              {t('pact.attach.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('pact.attach.help')}
            </Text>
            <AttachPanel unitId={unit.id} />
          </Card>
        )}
      </Stack>
    </>
  );
}
