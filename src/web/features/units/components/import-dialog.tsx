import { Alert, Button, Code, FileInput, Group, List, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/units.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { checkUnitsCsv, CSV_COLUMNS, type RowProblem } from '../csv.ts';
import { unitsApi, useUnitMutation, type ImportResult } from '../api.ts';

type ServerIssue = { path?: unknown; message?: unknown; row?: unknown; line?: unknown; field?: unknown };

/** Row problems the server reported (400 with details), in whatever of the usual shapes it sends them. */
const serverProblems = (error: unknown): { where: string; message: string }[] => {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  return (error.details as ServerIssue[]).map((issue) => {
    const row = issue.row ?? issue.line;
    const where =
      typeof row === 'number' || typeof row === 'string'
        ? String(row)
        : Array.isArray(issue.path)
          ? issue.path.map(String).join('.')
          : '';
    const field = typeof issue.field === 'string' && issue.field ? `${issue.field}: ` : '';
    return { where, message: field + (typeof issue.message === 'string' ? issue.message : '') };
  });
};

export function ImportDialog({
  parent,
  units,
  onDone,
}: {
  parent: Unit;
  units: readonly Unit[];
  onDone: (result: ImportResult) => void;
}) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const existing = useMemo(() => new Set(units.map((unit) => unit.code.toLowerCase())), [units]);
  const check = useMemo(() => (csv.trim() ? checkUnitsCsv(csv, existing) : null), [csv, existing]);
  const mutation = useUnitMutation(unitsApi.import, onDone);
  const fromServer = serverProblems(mutation.error);

  const problemText = (problem: RowProblem) =>
    t(problem.key, { value: problem.value ?? '', column: problem.column }) +
    (problem.value && !problem.key.startsWith('units.import') ? ` (${problem.value})` : '');

  return (
    <Stack gap="sm">
      <Text size="sm">{t('units.import.intro', { name: parent.name })}</Text>
      <Text size="xs" c="dimmed">
        {t('units.import.columns')} <Code>{CSV_COLUMNS.join(',')}</Code>
      </Text>
      <FileInput
        label={t('units.import.file')}
        accept=".csv,text/csv"
        value={file}
        clearable
        onChange={(next) => {
          setFile(next);
          if (next) void next.text().then(setCsv);
        }}
      />
      <Textarea
        label={t('units.import.paste')}
        autosize
        minRows={3}
        maxRows={10}
        value={csv}
        onChange={(event) => setCsv(event.currentTarget.value)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      {check && check.problems.length === 0 && (
        <Alert color="lagoon" variant="light">
          {t('units.import.ready', { count: check.rows })}
        </Alert>
      )}
      {check && check.problems.length > 0 && (
        <Alert
          color="red"
          variant="light"
          title={t('units.import.problems', { count: check.problems.length })}
          role="alert"
        >
          <Table.ScrollContainer minWidth={320} mah={240}>
            <Table fz="sm" aria-label={t('units.import.problemsTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('units.import.line')}</Table.Th>
                  <Table.Th>{t('units.import.column')}</Table.Th>
                  <Table.Th>{t('units.import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.problems.map((problem, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>{problem.line}</Table.Td>
                    <Table.Td>{problem.column}</Table.Td>
                    <Table.Td>{problemText(problem)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Alert>
      )}
      <ErrorAlert error={mutation.error} />
      {fromServer.length > 0 && (
        <List size="sm" aria-label={t('units.import.problemsTable')}>
          {fromServer.map((problem, index) => (
            <List.Item key={index}>
              {problem.where && <strong>{t('units.import.at', { where: problem.where })} </strong>}
              {problem.message}
            </List.Item>
          ))}
        </List>
      )}
      <Group justify="flex-end">
        <Button
          onClick={() => mutation.mutate({ parentId: parent.id, csv })}
          loading={mutation.isPending}
          disabled={!check || check.rows === 0 || check.problems.length > 0}
        >
          {t('units.import.submit', { count: check?.rows ?? 0 })}
        </Button>
      </Group>
    </Stack>
  );
}
