import { Alert, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SheetProblem } from '../../core/shared/sheet.ts';
import { isApiError } from '../lib/api.ts';

/** The problems of an import the server refused (400 IMPORT_INVALID), or null for any other error. */
export const sheetProblemsOf = (error: unknown): SheetProblem[] | null =>
  isApiError(error, 'IMPORT_INVALID') && Array.isArray(error.details)
    ? (error.details as SheetProblem[]).filter((p) => typeof p === 'object' && p !== null && 'code' in p)
    : null;

/** Where a problem is, in words: "Baris 3, kolom B (nip)" or "Seluruh berkas". */
export const useProblemPlace = () => {
  const { t } = useTranslation();
  return (p: Pick<SheetProblem, 'line' | 'column' | 'field'>): string => {
    if (p.line <= 0) return t('sheet.wholeFile');
    const row = t('sheet.row', { line: p.line });
    if (p.column) return `${row}, ${t('sheet.column', { column: p.column })}`;
    return p.field === 'header' ? `${row} (${t('sheet.header')})` : row;
  };
};

/**
 * Every problem of a refused spreadsheet, each naming its row and column as Excel shows them and saying
 * what is wrong in the reader's language (by code, never the server's developer text).
 */
export function SheetProblems({ problems }: { problems: readonly SheetProblem[] }) {
  const { t } = useTranslation();
  const place = useProblemPlace();
  return (
    <Alert color="red" title={t('sheet.problems', { count: problems.length })}>
      <Table.ScrollContainer minWidth={360}>
        <Table striped withTableBorder aria-label={t('sheet.problemsTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sheet.place')}</Table.Th>
              <Table.Th>{t('sheet.problem.title')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((p, i) => (
              <Table.Tr key={`${p.line}-${p.field}-${i}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{place(p)}</Table.Td>
                <Table.Td>
                  {t(`sheet.problem.${p.code}`, {
                    value: p.value ?? '',
                    defaultValue: t('sheet.problem.UNKNOWN'),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}
