import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceLinkView } from '../../../../contracts/assessments.ts';
import type { ItemDef } from '../../../../core/lke/template-model.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { EvidenceUploader, type UploadedFile } from '../../../components/evidence-uploader.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { canPreview, downloadUrl, keys, workspaceApi } from '../api.ts';

type Props = {
  assessmentId: string;
  unitId: string;
  item: ItemDef;
  links: EvidenceLinkView[];
  canUpload: boolean;
};

export const formatSize = (bytes: number | null, lng: string) =>
  bytes === null
    ? ''
    : bytes < 1024 * 1024
      ? `${formatNumber(bytes / 1024, lng, 0)} KB`
      : `${formatNumber(bytes / 1024 / 1024, lng, 1)} MB`;

/** The item's evidence: the typical-evidence checklist, what is linked, upload here or pick from the library. */
export function ItemEvidence({ assessmentId, unitId, item, links, canUpload }: Props) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [entry, setEntry] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [picking, picker] = useDisclosure(false);
  const refresh = useCallback(
    () => client.invalidateQueries({ queryKey: keys.worksheet(assessmentId) }),
    [client, assessmentId],
  );
  const checklistIndex = entry === null || entry === '' ? null : Number(entry);

  const onUploaded = useCallback(
    async (file: UploadedFile) => {
      await workspaceApi.createEvidence(unitId, {
        uploadId: file.uploadId,
        title: file.filename,
        link: { assessmentId, code: item.code, checklistIndex },
      });
      await refresh();
    },
    [unitId, assessmentId, item.code, checklistIndex, refresh],
  );

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await refresh();
    } catch (e) {
      setError(e);
    }
  };

  const entryOptions = [
    { value: '', label: t('ws.evidence.noEntry') },
    ...item.evidence.map((text, i) => ({ value: String(i), label: text })),
  ];

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('ws.evidence.title')}
      </Title>
      {item.evidence.length > 0 && (
        <List spacing={4} size="sm" aria-label={t('ws.evidence.checklist')} listStyleType="none">
          {item.evidence.map((text, i) => {
            const done = links.some((l) => l.checklistIndex === i);
            return (
              <List.Item
                key={text}
                icon={
                  <ThemeIcon
                    size={18}
                    radius="xl"
                    color={done ? 'teal' : 'gray'}
                    variant={done ? 'filled' : 'light'}
                  >
                    <span aria-hidden>{done ? '✓' : '·'}</span>
                  </ThemeIcon>
                }
              >
                {text}
                <Text span size="xs" c={done ? 'teal' : 'dimmed'}>
                  {' '}
                  ({done ? t('ws.evidence.entryDone') : t('ws.evidence.entryMissing')})
                </Text>
              </List.Item>
            );
          })}
        </List>
      )}

      {links.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ws.evidence.none')}
        </Text>
      ) : (
        <Stack gap={6} role="list" aria-label={t('ws.evidence.linked')}>
          {links.map((l) => (
            <Group
              key={`${l.evidenceId}-${l.code}`}
              gap="xs"
              wrap="wrap"
              role="listitem"
              justify="space-between"
            >
              <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                <Text size="sm" fw={600} truncate="end">
                  {l.title}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  {[l.filename, formatSize(l.size, i18n.language), l.code !== item.code ? l.code : null]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              <Group gap={4} wrap="wrap">
                {item.evidence.length > 0 && canUpload && (
                  <Select
                    size="xs"
                    w={180}
                    aria-label={t('ws.evidence.tickAgainst', { title: l.title })}
                    data={entryOptions}
                    value={l.checklistIndex === null ? '' : String(l.checklistIndex)}
                    onChange={(v) =>
                      void run(async () => {
                        await workspaceApi.unlinkEvidence(assessmentId, l.code, l.evidenceId);
                        await workspaceApi.linkEvidence(
                          assessmentId,
                          l.code,
                          l.evidenceId,
                          v ? Number(v) : null,
                        );
                      })
                    }
                    comboboxProps={{ withinPortal: true }}
                  />
                )}
                {l.currentVersionId && (
                  <>
                    <Anchor size="sm" href={downloadUrl(l.evidenceId, l.currentVersionId)}>
                      {t('ws.evidence.download')}
                    </Anchor>
                    {canPreview(l.mime) && (
                      <Anchor
                        size="sm"
                        href={downloadUrl(l.evidenceId, l.currentVersionId, true)}
                        target="_blank"
                        rel="noopener"
                      >
                        {t('ws.evidence.preview')}
                      </Anchor>
                    )}
                  </>
                )}
                {canUpload && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('ws.evidence.unlink', { title: l.title })}
                    onClick={() =>
                      void run(() => workspaceApi.unlinkEvidence(assessmentId, l.code, l.evidenceId))
                    }
                  >
                    <span aria-hidden>✕</span>
                  </ActionIcon>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}

      {canUpload && (
        <Stack gap="xs">
          {item.evidence.length > 0 && (
            <Select
              label={t('ws.evidence.forEntry')}
              data={entryOptions}
              value={entry ?? ''}
              onChange={setEntry}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Group gap="xs" align="flex-start" wrap="wrap">
            <EvidenceUploader unitId={unitId} onUploaded={onUploaded} label={t('ws.evidence.upload')} />
            <Button variant="default" onClick={picker.open}>
              {t('ws.evidence.pick')}
            </Button>
          </Group>
        </Stack>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <Modal opened={picking} onClose={picker.close} title={t('ws.evidence.pickTitle')} size="lg">
        {picking && (
          <LibraryPicker
            unitId={unitId}
            linkedIds={new Set(links.map((l) => l.evidenceId))}
            onPick={(evidenceId) =>
              void run(async () => {
                await workspaceApi.linkEvidence(assessmentId, item.code, evidenceId, checklistIndex);
                picker.close();
              })
            }
          />
        )}
      </Modal>
    </Stack>
  );
}

function LibraryPicker({
  unitId,
  linkedIds,
  onPick,
}: {
  unitId: string;
  linkedIds: ReadonlySet<string>;
  onPick: (evidenceId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const list = useQuery({
    queryKey: keys.unitEvidence(unitId, debounced),
    queryFn: () => workspaceApi.unitEvidence(unitId, debounced),
  });
  return (
    <Stack>
      <TextInput
        label={t('ws.evidence.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-autofocus
      />
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data?.length === 0 && <Text c="dimmed">{t('ws.evidence.libraryEmpty')}</Text>}
      <Stack gap={6} role="list">
        {list.data?.map((e) => (
          <Group key={e.id} justify="space-between" wrap="nowrap" role="listitem">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate="end">
                {e.title}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {[e.current?.filename, e.current ? formatSize(e.current.size, i18n.language) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
            <Button
              size="compact-sm"
              disabled={linkedIds.has(e.id)}
              onClick={() => onPick(e.id)}
              aria-label={t('ws.evidence.linkThis', { title: e.title })}
            >
              {linkedIds.has(e.id) ? t('ws.evidence.alreadyLinked') : t('ws.evidence.link')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
