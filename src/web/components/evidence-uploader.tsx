import { Badge, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import Uppy, { type UppyFile } from '@uppy/core';
import Tus from '@uppy/tus';
import id_ID from '@uppy/locales/lib/id_ID.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCsrfToken } from '../lib/api.ts';
import { errorDetail, errorMessage, uploadError } from '../lib/errors.ts';
import { TechnicalDetail } from './technical-detail.tsx';

// Resumable uploads (tus) to /api/uploads: a dropped connection resumes where it stopped, and several files go
// at once, each with its own progress bar. The finished upload's id is the last segment of its URL.

export type UploadedFile = { uploadId: string; filename: string; mime: string; size: number };

type Row = {
  id: string;
  name: string;
  percent: number;
  state: 'uploading' | 'saving' | 'done' | 'error';
  error?: string;
  /** The raw refusal, for "Detail teknis". */
  detail?: string | null;
};
type Meta = { unitId: string; filename: string; filetype: string };

type Props = {
  unitId: string;
  /** Called once per finished file, e.g. to turn the upload into evidence; a rejection marks the row failed. */
  onUploaded: (file: UploadedFile) => Promise<void>;
  label?: string;
  multiple?: boolean;
  disabled?: boolean;
};

export const uploadIdOf = (uploadURL: string | undefined | null): string | null => {
  if (!uploadURL) return null;
  const path = uploadURL.split('?')[0] ?? '';
  const last = path.split('/').filter(Boolean).pop();
  return last ?? null;
};

export function EvidenceUploader({ unitId, onUploaded, label, multiple = true, disabled }: Props) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>([]);
  const [uppy] = useState(() =>
    new Uppy<Meta, Record<string, never>>({ autoProceed: true, locale: id_ID }).use(Tus, {
      endpoint: '/api/uploads',
      headers: (): Record<string, string> => {
        const token = getCsrfToken();
        return token ? { 'x-csrf-token': token } : {};
      },
      chunkSize: 5 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10_000, 20_000],
      allowedMetaFields: ['unitId', 'filename', 'filetype'],
      removeFingerprintOnSuccess: true,
    }),
  );

  useEffect(() => {
    const patch = (id: string, p: Partial<Row>) =>
      setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...p } : r)));
    const onProgress = (file: UppyFile<Meta, Record<string, never>> | undefined) => {
      if (!file) return;
      const { bytesUploaded, bytesTotal } = file.progress;
      const total = typeof bytesTotal === 'number' && bytesTotal > 0 ? bytesTotal : 1;
      patch(file.id, { percent: Math.round((Number(bytesUploaded) / total) * 100) });
    };
    const onSuccess = (
      file: UppyFile<Meta, Record<string, never>> | undefined,
      response: { uploadURL?: string | undefined },
    ) => {
      if (!file) return;
      const uploadId = uploadIdOf(response.uploadURL);
      if (!uploadId) {
        patch(file.id, { state: 'error', error: t('upload.noId') });
        return;
      }
      patch(file.id, { percent: 100, state: 'saving' });
      onUploaded({
        uploadId,
        filename: file.name ?? 'file',
        mime: file.type || 'application/octet-stream',
        size: file.size ?? 0,
      }).then(
        () => {
          patch(file.id, { state: 'done' });
          uppy.removeFile(file.id);
        },
        (error: unknown) =>
          patch(file.id, { state: 'error', error: errorMessage(t, error), detail: errorDetail(error) }),
      );
    };
    const onError = (file: UppyFile<Meta, Record<string, never>> | undefined, error: { message: string }) => {
      if (!file) return;
      const refusal = uploadError(error);
      patch(file.id, { state: 'error', error: errorMessage(t, refusal), detail: errorDetail(refusal) });
    };
    uppy.on('upload-progress', onProgress);
    uppy.on('upload-success', onSuccess);
    uppy.on('upload-error', onError);
    return () => {
      uppy.off('upload-progress', onProgress);
      uppy.off('upload-success', onSuccess);
      uppy.off('upload-error', onError);
    };
  }, [uppy, onUploaded, t]);

  useEffect(() => () => uppy.destroy(), [uppy]);

  const add = (files: File | File[] | null) => {
    const list = files === null ? [] : Array.isArray(files) ? files : [files];
    for (const f of list) {
      try {
        const id = uppy.addFile({
          name: f.name,
          type: f.type,
          data: f,
          meta: { unitId, filename: f.name, filetype: f.type || 'application/octet-stream' },
        });
        setRows((rs) => [...rs, { id, name: f.name, percent: 0, state: 'uploading' }]);
      } catch (error) {
        setRows((rs) => [
          ...rs,
          {
            id: `${f.name}-${rs.length}`,
            name: f.name,
            percent: 0,
            state: 'error',
            error: t('upload.notAdded'),
            detail: errorDetail(error),
          },
        ]);
      }
    }
  };

  const retry = () => void uppy.retryAll();

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <FileButton onChange={add} multiple={multiple}>
          {(props) => (
            <Button {...props} variant="light" disabled={disabled}>
              {label ?? t('upload.choose')}
            </Button>
          )}
        </FileButton>
        {rows.some((r) => r.state === 'error') && (
          <Button variant="subtle" size="compact-sm" onClick={retry}>
            {t('upload.retry')}
          </Button>
        )}
      </Group>
      {rows.length > 0 && (
        <Stack gap={6} aria-label={t('upload.list')} role="list">
          {rows.map((r) => (
            <Stack key={r.id} gap={2} role="listitem">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" truncate="end" style={{ minWidth: 0 }}>
                  {r.name}
                </Text>
                <Badge
                  size="sm"
                  variant="light"
                  color={r.state === 'error' ? 'red' : r.state === 'done' ? 'teal' : 'blue'}
                  style={{ textTransform: 'none', flexShrink: 0 }}
                >
                  {t(`upload.state.${r.state}`)}
                </Badge>
              </Group>
              <Progress
                value={r.percent}
                color={r.state === 'error' ? 'red' : r.state === 'done' ? 'teal' : 'lagoon'}
                aria-label={t('upload.progress', { name: r.name })}
                animated={r.state === 'uploading'}
              />
              {r.error && (
                <Text size="xs" c="red">
                  {r.error}
                </Text>
              )}
              {r.error && <TechnicalDetail detail={r.detail ?? null} />}
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
