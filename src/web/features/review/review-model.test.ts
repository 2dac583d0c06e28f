import { describe, expect, it } from 'vitest';
import { filterCounts, filterItems, inboxRows, itemDiff, levelScoreRows, valueText } from './review-model.ts';
import { item, ITEMS, level } from './test/fixtures.ts';

describe('review filters', () => {
  it('narrow to changed, returned (or awaiting recheck) and no-evidence items, and by code', () => {
    const codes = (f: Parameters<typeof filterItems>[1], q = '') =>
      filterItems(ITEMS, f, q).map((i) => i.code);
    expect(codes('all')).toEqual(['P1.i.a', 'P1.i.b', 'P2.i.a']);
    expect(codes('changed')).toEqual(['P1.i.a']);
    expect(codes('returned')).toEqual(['P1.i.b']);
    expect(codes('no_evidence')).toEqual(['P2.i.a']);
    expect(codes('all', 'p1.i')).toEqual(['P1.i.a', 'P1.i.b']);
    expect(codes('changed', 'P2')).toEqual([]);
    const recheck = item('P3.i.a', 'A', {
      review: { status: 'awaiting_recheck', returnNote: 'x', returnedAt: 'tpi:member', revisions: 1 },
    });
    expect(filterItems([recheck], 'returned')).toHaveLength(1);
    expect(filterCounts([...ITEMS, recheck])).toEqual({ all: 4, changed: 1, returned: 2, no_evidence: 2 });
  });
});

describe('itemDiff', () => {
  it('lists the unit then each reached level, marking a value unlike the level below and unlike the unit', () => {
    const [changed] = ITEMS;
    if (!changed) throw new Error('fixture');
    const rows = itemDiff(changed, new Set(['unit', 'tpi:member']), 'tpi:member');
    expect(rows.map((r) => [r.level, r.value, r.differs, r.differsFromUnit])).toEqual([
      ['unit', 'Tidak', false, false],
      ['tpi:member', 'Ya', true, true],
    ]);
  });

  it("keeps the caller's level even before it is reached, and leaves other unreached levels out", () => {
    const plain = item('P2.i.a', 'B');
    const rows = itemDiff(plain, new Set(['unit', 'tpi:member', 'tpi:team_lead']), 'tpn_desk');
    expect(rows.map((r) => r.level)).toEqual(['unit', 'tpi:member', 'tpi:team_lead', 'tpn_desk']);
    expect(rows.every((r) => !r.differs)).toBe(true);
  });

  it('a level that follows a changed level below does not differ from it, but still differs from the unit', () => {
    const base = item('P1.i.a', 'Tidak');
    const carried = {
      ...base,
      levels: base.levels.map((l, i) => (i <= 1 ? { ...l, value: 'Ya', differsFromBelow: i === 0 } : l)),
    };
    const rows = itemDiff(carried, new Set(['unit', 'tpi:member', 'tpi:team_lead']), null);
    expect(rows.map((r) => [r.level, r.differs, r.differsFromUnit])).toEqual([
      ['unit', false, false],
      ['tpi:member', true, true],
      ['tpi:team_lead', false, true],
    ]);
  });
});

describe('levelScoreRows', () => {
  it('gives each level its change in total against the level below and the count of changed items', () => {
    const rows = levelScoreRows([
      level('unit', 80),
      level('tpi:member', 78.5, { changedFromBelow: ['P1.i.a', 'P1.i.b'] }),
      level('tpi:team_lead', 78.5),
    ]);
    expect(rows.map((r) => [r.level.level, r.deltaTotal, r.changed])).toEqual([
      ['unit', null, 0],
      ['tpi:member', -1.5, 2],
      ['tpi:team_lead', 0, 0],
    ]);
  });
});

describe('valueText', () => {
  it('names an option by key and text, a number in the locale, nothing as a dash', () => {
    const def = {
      type: 'yes_no',
      options: [{ key: 'Ya', text: 'Sudah dibentuk' }],
    } as unknown as Parameters<typeof valueText>[1];
    expect(valueText('Ya', def, String)).toBe('Ya · Sudah dibentuk');
    expect(valueText('Z', def, String)).toBe('Z');
    expect(valueText(3.5, def, (n) => n.toFixed(1).replace('.', ','))).toBe('3,5');
    expect(valueText(null, def, String)).toBe('—');
  });
});

describe('inboxRows', () => {
  it('orders by workflow status, then by unit; filters by status', () => {
    const rows = [
      { status: 'tpn_desk', unitName: 'B' },
      { status: 'resubmitted', unitName: 'C' },
      { status: 'tpi_review', unitName: 'Z' },
      { status: 'tpi_review', unitName: 'A' },
    ];
    expect(inboxRows(rows, null).map((r) => r.unitName)).toEqual(['A', 'Z', 'C', 'B']);
    expect(inboxRows(rows, 'tpi_review').map((r) => r.unitName)).toEqual(['A', 'Z']);
  });
});
