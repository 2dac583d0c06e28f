import { Alert, Button, Code, FileInput, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/units.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { SheetProblems, sheetProblemsOf } from '../../../components/sheet-problems.tsx';
import { decodeCsv } from '../../../lib/decode-csv.ts';
import { checkUnitsCsv, CSV_COLUMNS, type RowProblem } from '../csv.ts';
import { unitsApi, useUnitMutation, type ImportResult } from '../api.ts';

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
  const fromServer = sheetProblemsOf(mutation.error);

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
          if (next) void next.arrayBuffer().then((bytes) => setCsv(decodeCsv(new Uint8Array(bytes))));
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
      {fromServer ? <SheetProblems problems={fromServer} /> : <ErrorAlert error={mutation.error} />}
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
