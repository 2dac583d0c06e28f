import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { SheetProblems, sheetProblemsOf } from '../../../components/sheet-problems.tsx';
import { employeesApi, readImportFile } from '../api.ts';

/**
 * Import from CSV or XLSX, all or nothing: when the file has problems, every one is listed by line and
 * nothing is imported, so the file can be fixed and sent again.
 */
export function ImportPanel({ unitId, onDone }: { unitId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async (f: File) => employeesApi.import(unitId, await readImportFile(f)),
    onSuccess: onDone,
  });
  const problems = sheetProblemsOf(run.error);
  return (
    <Stack>
      <Text size="sm">{t('employees.import.help')}</Text>
      <Text size="xs" c="dimmed" ff="monospace">
        nama;nip;jabatan;golongan;email
      </Text>
      <Group>
        <FileButton
          onChange={(f) => {
            setFile(f);
            run.reset();
          }}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        >
          {(props) => (
            <Button variant="default" {...props}>
              {t('employees.import.choose')}
            </Button>
          )}
        </FileButton>
        <Text size="sm">{file?.name ?? t('employees.import.none')}</Text>
      </Group>
      {run.isSuccess && (
        <Alert color="teal">
          {t('employees.import.done', { created: run.data.created, linked: run.data.linked })}
        </Alert>
      )}
      {problems && <SheetProblems problems={problems} />}
      {run.isError && !problems && <ErrorAlert error={run.error} />}
      <Group justify="flex-end">
        <Button disabled={!file} loading={run.isPending} onClick={() => file && run.mutate(file)}>
          {t('employees.import.run')}
        </Button>
      </Group>
    </Stack>
  );
}
