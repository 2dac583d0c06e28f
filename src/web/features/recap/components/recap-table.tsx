import { Badge, Button, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import type { RecapRow } from '../api.ts';
import { isEligible, type RecapLine, type SortKey } from '../recap-view.ts';

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: 'name', label: 'unit' },
  { key: 'status', label: 'status' },
  { key: null, label: 'deadline' },
  { key: 'answered', label: 'completeness' },
  { key: 'unitTotal', label: 'unitTotal' },
  { key: 'latestTotal', label: 'reviewerTotal' },
  { key: 'pengungkit', label: 'pengungkit' },
  { key: 'hasil', label: 'hasil' },
  { key: null, label: 'areas' },
  { key: 'failed', label: 'eligibility' },
  { key: 'pact', label: 'pact' },
  { key: null, label: 'plans' },
  { key: null, label: 'surveys' },
  { key: null, label: 'findings' },
];
const ROW_HEIGHT = 56;
const SCREENFUL = { width: 1200, height: 800 };

function Cells({ row, onDrill }: { row: RecapRow; onDrill: (unitId: string) => void }) {
  const { t, i18n } = useTranslation();
  const n = (x: string | number, digits = 2) => formatNumber(Number(x), i18n.language, digits);
  const a = row.assessment;
  const dash = <Text c="dimmed">–</Text>;
  return (
    <>
      <Table.Td style={{ paddingLeft: 8 + row.depth * 12 }}>
        <Button variant="subtle" size="compact-sm" onClick={() => onDrill(row.unitId)}>
          {row.name}
        </Button>
        {a && (
          <Text size="xs">
            <Link to={`/assessments/${a.id}`}>{t('recap.openAssessment')}</Link>
          </Text>
        )}
      </Table.Td>
      <Table.Td>{a ? t(`assessments.status.${a.status}`) : t('recap.noAssessment')}</Table.Td>
      <Table.Td>
        {a?.nextDeadline
          ? `${t(`recap.deadline.${a.nextDeadline.kind}`)} ${formatDate(a.nextDeadline.date, i18n.language)}`
          : '–'}
      </Table.Td>
      <Table.Td>
        {a ? (
          <Text size="sm">
            {t('recap.completenessCell', {
              answered: a.answered,
              total: a.itemCount,
              evidence: a.withEvidence,
              explained: a.withExplanation,
            })}
          </Text>
        ) : (
          dash
        )}
      </Table.Td>
      <Table.Td>{a ? n(a.unitTotal) : dash}</Table.Td>
      <Table.Td>{a?.reviewer ? n(a.reviewer.total) : dash}</Table.Td>
      <Table.Td>{a ? n(a.pengungkit) : dash}</Table.Td>
      <Table.Td>{a ? n(a.hasil) : dash}</Table.Td>
      <Table.Td>
        {a ? (
          <Text size="xs">
            {a.areaShares
              .map((s) => `${s.number}: ${n((100 * Number(s.score)) / Number(s.weight || '1'), 0)}%`)
              .join(' · ')}
          </Text>
        ) : (
          dash
        )}
      </Table.Td>
      <Table.Td>
        {a ? (
          <Group gap={4}>
            <Badge color={isEligible(row) ? 'teal' : 'gray'} variant={isEligible(row) ? 'filled' : 'outline'}>
              {isEligible(row)
                ? t('recap.eligible', { target: a.target })
                : t('recap.notEligible', { target: a.target })}
            </Badge>
            {a.failedRules > 0 && <Text size="xs">{t('recap.failedRules', { count: a.failedRules })}</Text>}
          </Group>
        ) : (
          dash
        )}
      </Table.Td>
      <Table.Td>
        {row.pact.total === 0 ? dash : `${n((100 * row.pact.signed) / row.pact.total, 0)}%`}
      </Table.Td>
      <Table.Td>{row.plans ? t(`actionPlans.status.${row.plans}`) : dash}</Table.Td>
      <Table.Td>
        {a && (a.ipak !== null || a.ipkp !== null) ? (
          <Text size="xs">
            {t('recap.surveyCell', {
              ipak: a.ipak === null ? '–' : n(a.ipak),
              ipkp: a.ipkp === null ? '–' : n(a.ipkp),
            })}
          </Text>
        ) : (
          dash
        )}
      </Table.Td>
      <Table.Td>{row.findingsPercent === null ? dash : `${n(row.findingsPercent, 0)}%`}</Table.Td>
    </>
  );
}

/**
 * The recap's lines in a scrolling box that renders only the rows in view, so ten thousand units cost the
 * browser what thirty do. Group headings carry the parent's subtotal.
 */
export function RecapTable({
  lines,
  sort,
  onSort,
  onDrill,
}: {
  lines: readonly RecapLine[];
  sort: { key: SortKey; desc: boolean };
  onSort: (key: SortKey) => void;
  onDrill: (unitId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: lines.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // A box that has no height yet (not laid out) renders a first screenful rather than nothing.
    initialRect: SCREENFUL,
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : SCREENFUL)),
  });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div ref={box} style={{ maxHeight: '70vh', overflow: 'auto' }} data-testid="recap-scroll">
      <Table withTableBorder verticalSpacing={4} miw={1500} aria-label={t('recap.title')} stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <Table.Th
                key={c.label}
                aria-sort={c.key && sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined}
              >
                {c.key ? (
                  <UnstyledButton onClick={() => onSort(c.key!)} fw={600} fz="sm">
                    {t(`recap.col.${c.label}`)}
                    {sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                  </UnstyledButton>
                ) : (
                  t(`recap.col.${c.label}`)
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && <tr style={{ height: top }} />}
          {items.map((v) => {
            const line = lines[v.index]!;
            if (line.kind === 'group') {
              const s = line.subtotal;
              return (
                <Table.Tr key={v.key} bg="var(--mantine-color-gray-1)" style={{ height: ROW_HEIGHT }}>
                  <Table.Td colSpan={COLUMNS.length}>
                    <Text fw={600} size="sm">
                      {t('recap.groupLine', {
                        parent: line.parentName || t('recap.top'),
                        count: s.count,
                        mean: s.mean === null ? '–' : formatNumber(s.mean, i18n.language, 2),
                        min: s.min === null ? '–' : formatNumber(s.min, i18n.language, 2),
                        eligible: s.eligible,
                      })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            }
            return (
              <Table.Tr key={v.key} style={{ height: ROW_HEIGHT }} data-unit={line.row.code}>
                <Cells row={line.row} onDrill={onDrill} />
              </Table.Tr>
            );
          })}
          {bottom > 0 && <tr style={{ height: bottom }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}
