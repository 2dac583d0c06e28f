import { describe, expect, it } from 'vitest';
import { diffValues, showValue } from './diff.ts';

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
});
