import { describe, expect, it } from 'vitest';
import type { RecapRow } from '../../../contracts/recap.ts';
import { NO_FILTER, recapLines, subtotal } from './recap-view.ts';

const row = (
  id: string,
  parentId: string | null,
  total: string | null,
  eligible = false,
  name = id,
): RecapRow => ({
  unitId: id,
  parentId,
  code: id.toUpperCase(),
  name,
  depth: parentId ? 1 : 0,
  assessment:
    total === null
      ? null
      : {
          id: `a-${id}`,
          status: 'draft',
          target: 'WBK',
          nextDeadline: null,
          answered: 10,
          itemCount: 113,
          withEvidence: 0,
          withExplanation: 0,
          unitTotal: total,
          reviewer: null,
          pengungkit: total,
          hasil: '0.0000',
          areaShares: [],
          wbkEligible: eligible,
          wbbmEligible: false,
          failedRules: eligible ? 0 : 3,
          ipak: null,
          ipkp: null,
        },
  pact: { signed: 0, total: 0 },
  plans: null,
  findingsPercent: null,
});

const rows = [
  row('prov', null, '80.0000', true, 'Jawa Timur'),
  row('sumenep', 'prov', '70.0000', false, 'Sumenep'),
  row('malang', 'prov', '90.0000', true, 'Malang'),
  row('blitar', 'prov', null, false, 'Blitar'),
];

describe('recapLines', () => {
  it('groups by parent with subtotals over the units that have a total', () => {
    const lines = recapLines(rows, NO_FILTER, { key: 'latestTotal', desc: true });
    expect(lines.map((l) => (l.kind === 'group' ? `# ${l.parentName}` : l.row.unitId))).toEqual([
      '# ',
      'prov',
      '# Jawa Timur',
      'malang',
      'sumenep',
      'blitar',
    ]);
    const group = lines[2];
    expect(group?.kind === 'group' && group.subtotal).toEqual({ count: 3, mean: 80, min: 70, eligible: 1 });
  });

  it('filters "not eligible" and searches by name or code', () => {
    const lines = recapLines(
      rows,
      { ...NO_FILTER, eligible: 'no', search: 'su' },
      { key: 'name', desc: false },
    );
    expect(lines.filter((l) => l.kind === 'unit').map((l) => l.kind === 'unit' && l.row.unitId)).toEqual([
      'sumenep',
    ]);
  });

  it('a subtotal of no totals has no mean or minimum', () => {
    expect(subtotal([rows[3]!])).toEqual({ count: 1, mean: null, min: null, eligible: 0 });
  });
});
