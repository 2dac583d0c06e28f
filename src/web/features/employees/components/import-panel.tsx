import { Alert, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { employeesApi, readImportFile, type ImportProblem } from '../api.ts';

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
  const problems =
    isApiError(run.error, 'IMPORT_INVALID') && Array.isArray(run.error.details)
      ? (run.error.details as ImportProblem[])
      : null;
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
      {problems && (
        <Alert color="red" title={t('employees.import.problems', { count: problems.length })}>
          <Table striped withTableBorder aria-label={t('employees.import.problemsTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('employees.import.line')}</Table.Th>
                <Table.Th>{t('employees.import.field')}</Table.Th>
                <Table.Th>{t('employees.import.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((p, i) => (
                <Table.Tr key={`${p.line}-${p.field}-${i}`}>
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td>{p.field}</Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
      {run.isError && !problems && <ErrorAlert error={run.error} />}
      <Group justify="flex-end">
        <Button disabled={!file} loading={run.isPending} onClick={() => file && run.mutate(file)}>
          {t('employees.import.run')}
        </Button>
      </Group>
    </Stack>
  );
}
