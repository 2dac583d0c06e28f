import { describe, expect, it } from 'vitest';
import { diffValues, humanisePath, showValue, type ValueWords } from './diff.ts';

describe('audit diff', () => {
  it('lists changed, added and removed fields by path', () => {
    const rows = diffValues(
      { name: 'KPU Jatim', region: null, flags: { afirmasi: false }, version: 1 },
      { name: 'KPU Jawa Timur', region: null, flags: { afirmasi: true }, version: 2, active: true },
    );
    expect(rows.map((row) => [row.path, row.kind])).toEqual([
      ['name', 'changed'],
      ['flags.afirmasi', 'changed'],
      ['version', 'changed'],
      ['active', 'added'],
    ]);
  });

  it('treats a creation as all added and a null before as empty', () => {
    expect(diffValues(null, { code: 'KPU' })).toEqual([
      { path: 'code', before: undefined, after: 'KPU', kind: 'added' },
    ]);
    expect(showValue(null)).toBe('∅');
    expect(showValue(['a'])).toBe('["a"]');
  });

  it('reads values as words: no JSON, no internal id, no ISO timestamp', () => {
    const words: ValueWords = {
      yes: 'Ya',
      no: 'Tidak',
      empty: '(kosong)',
      reference: '(rujukan internal)',
      entries: (n) => `${n} entri`,
      date: () => '7 Desember 2026',
      dateTime: () => '7 Des 2026 10.00',
      number: (n) => String(n).replace('.', ','),
    };
    const shown = [
      true,
      null,
      14.61,
      '2b1c4a8e-0d2f-4a51-9a7e-3f7c2d1b0a99',
      '2026-12-07T03:00:00.000Z',
      '2026-12-07',
      ['WBK', 'WBBM'],
      [{ a: 1 }, { a: 2 }],
      { a: 1 },
    ].map((v) => showValue(v, words));
    expect(shown).toEqual([
      'Ya',
      '(kosong)',
      '14,61',
      '(rujukan internal)',
      '7 Des 2026 10.00',
      '7 Desember 2026',
      'WBK, WBBM',
      '2 entri',
      '1 entri',
    ]);
    for (const text of shown) expect(text).not.toMatch(/[{}[\]"]|T\d{2}:/);
    expect(humanisePath('after.assessmentId')).toBe('assessment id');
  });
});
