import { Accordion, Anchor, Badge, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Evidence } from '../../../../contracts/evidence.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { EvidenceUploader, type UploadedFile } from '../../../components/evidence-uploader.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { MIME_FILTERS, canPreview, downloadUrl, evidenceApi } from '../api.ts';

const size = (bytes: number, lng: string) =>
  bytes < 1024 * 1024
    ? `${formatNumber(bytes / 1024, lng, 0)} KB`
    : `${formatNumber(bytes / 1024 / 1024, lng, 1)} MB`;

function EvidenceCard({
  evidence,
  canUpload,
  onChanged,
}: {
  evidence: Evidence;
  canUpload: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const cur = evidence.current;
  const addVersion = useCallback(
    async (file: UploadedFile) => {
      await evidenceApi.addVersion(evidence.id, file.uploadId, evidence.version);
      await onChanged();
    },
    [evidence.id, evidence.version, onChanged],
  );
  return (
    <Stack
      gap={6}
      p="sm"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, background: 'white' }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={700} truncate="end">
            {evidence.title}
          </Text>
          {cur && (
            <Text size="xs" c="dimmed" truncate="end">
              {cur.filename} · {size(cur.size, i18n.language)} ·{' '}
              {formatDateTime(cur.uploadedAt, i18n.language)}
            </Text>
          )}
          {evidence.effectiveDate && (
            <Text size="xs" c="dimmed">
              {t('evidence.effective', { date: formatDate(evidence.effectiveDate, i18n.language) })}
            </Text>
          )}
        </Stack>
        <Badge variant="light" style={{ textTransform: 'none', flexShrink: 0 }}>
          {t('evidence.versionsCount', { n: evidence.versions.length })}
        </Badge>
      </Group>
      {evidence.description && <Text size="sm">{evidence.description}</Text>}
      <Group gap={4}>
        {evidence.links.map((l) => (
          <Badge
            key={`${l.assessmentId}-${l.code}-${l.checklistIndex ?? ''}`}
            variant="outline"
            size="sm"
            style={{ textTransform: 'none' }}
          >
            {l.code}
          </Badge>
        ))}
      </Group>
      {cur && (
        <Group gap="sm">
          <Anchor
            size="sm"
            href={downloadUrl(evidence.id, cur.id)}
            aria-label={t('evidence.downloadNamed', { title: evidence.title })}
          >
            {t('evidence.download')}
          </Anchor>
          {canPreview(cur.mime) && (
            <Anchor
              size="sm"
              href={downloadUrl(evidence.id, cur.id, true)}
              target="_blank"
              rel="noopener"
              aria-label={t('evidence.previewNamed', { title: evidence.title })}
            >
              {t('evidence.preview')}
            </Anchor>
          )}
        </Group>
      )}
      <Accordion variant="default" chevronPosition="left">
        <Accordion.Item value="versions">
          <Accordion.Control>{t('evidence.versions')}</Accordion.Control>
          <Accordion.Panel>
            <Stack gap={4}>
              {evidence.versions.map((v, i) => (
                <Group key={v.id} gap="xs" wrap="wrap">
                  <Text size="xs">
                    {evidence.versions.length - i}. {v.filename} · {size(v.size, i18n.language)} ·{' '}
                    {formatDateTime(v.uploadedAt, i18n.language)}
                  </Text>
                  <Anchor size="xs" href={downloadUrl(evidence.id, v.id)}>
                    {t('evidence.download')}
                  </Anchor>
                </Group>
              ))}
              {canUpload && (
                <EvidenceUploader
                  unitId={evidence.unitId}
                  onUploaded={addVersion}
                  multiple={false}
                  label={t('evidence.replace')}
                />
              )}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

/** A unit's evidence library: search, filter by item and type, versions, download and preview. */
export function EvidenceLibraryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const [code, setCode] = useState('');
  const [mime, setMime] = useState<string | null>(null);
  const [dq] = useDebouncedValue(q, 300);
  const [dcode] = useDebouncedValue(code, 300);
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'evidence.read', u.path));
  const unitId = params.get('unit') ?? (readable.length === 1 ? (readable[0]?.id ?? null) : null);
  const unit = readable.find((u) => u.id === unitId);
  const filter = { q: dq || undefined, code: dcode || undefined, mime: mime ?? undefined };
  const list = useQuery({
    queryKey: ['evidence-library', unitId, filter],
    queryFn: () => evidenceApi.list(unitId ?? '', filter),
    enabled: Boolean(unitId),
  });
  const refresh = useCallback(
    () => client.invalidateQueries({ queryKey: ['evidence-library', unitId] }),
    [client, unitId],
  );
  const canUpload = unit ? canOnUnit(me, 'evidence.upload', unit.path) : false;
  const onUploaded = useCallback(
    async (file: UploadedFile) => {
      await evidenceApi.create(unitId ?? '', { uploadId: file.uploadId, title: file.filename });
      await refresh();
    },
    [unitId, refresh],
  );

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  return (
    <>
      <PageHeader title={t('evidence.title')} description={t('evidence.description')} />
      <Stack>
        <UnitSelect
          label={t('evidence.unit')}
          units={readable}
          value={unitId}
          onChange={(id) => setParams(id ? { unit: id } : {})}
        />
        {unitId && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('evidence.search')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                type="search"
              />
              <TextInput
                label={t('evidence.code')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                placeholder="P1.i.a"
              />
              <Select
                label={t('evidence.type')}
                value={mime}
                onChange={setMime}
                clearable
                data={MIME_FILTERS.map((m) => ({
                  value: m,
                  label: t(`evidence.mime.${m.replace(/[/.]/g, '_')}`),
                }))}
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            {canUpload && (
              <EvidenceUploader unitId={unitId} onUploaded={onUploaded} label={t('evidence.upload')} />
            )}
            {list.isError && <ErrorAlert error={list.error} />}
            {list.isPending && <Loading />}
            {list.data?.length === 0 && <Text c="dimmed">{t('evidence.empty')}</Text>}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {list.data?.map((e) => (
                <EvidenceCard key={e.id} evidence={e} canUpload={canUpload} onChanged={refresh} />
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </>
  );
}
