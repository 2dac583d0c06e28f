import { describe, expect, it } from 'vitest';
import {
  PREREQUISITES,
  gradeAtLeast,
  parsePrerequisiteValue,
  prerequisiteMet,
  unmetPrerequisites,
  type PrerequisiteSituation,
} from './prerequisites.ts';

const WBK: PrerequisiteSituation = { target: 'WBK', today: '2025-05-31' };
const WBBM: PrerequisiteSituation = { target: 'WBBM', today: '2025-05-31' };
const met = (code: string, value: unknown, s = WBK) => prerequisiteMet(code, value, s);

const allMet = new Map<string, unknown>([
  ['bpk_opinion', { opinion: 'WTP' }],
  ['sakip_agency', { grade: 'BB' }],
  ['rb_index', { grade: 'BB', agencyKind: 'kl' }],
  ['spip_maturity', { level: 3 }],
  ['core_service', { yes: true }],
  ['public_impact', { yes: true }],
  ['audit_follow_up', { percent: 100 }],
  ['wealth_reports', { percent: 100 }],
  ['zi_one_year', { startDate: '2024-05-31' }],
  ['sakip_unit', { grade: 'BB' }],
]);

describe('the §4.2 catalogue', () => {
  it('holds four agency-level and six unit-level prerequisites with unique codes', () => {
    expect(PREREQUISITES.filter((p) => p.level === 'agency').map((p) => p.code)).toEqual([
      'bpk_opinion',
      'sakip_agency',
      'rb_index',
      'spip_maturity',
    ]);
    expect(PREREQUISITES.filter((p) => p.level === 'unit')).toHaveLength(6);
    expect(new Set(PREREQUISITES.map((p) => p.code)).size).toBe(PREREQUISITES.length);
  });
  it('orders grades best first', () => {
    expect(gradeAtLeast('AA', 'B')).toBe(true);
    expect(gradeAtLeast('B', 'B')).toBe(true);
    expect(gradeAtLeast('CC', 'B')).toBe(false);
  });
});

describe('met rules at their boundaries', () => {
  it('BPK: only WTP', () => {
    expect(met('bpk_opinion', { opinion: 'WTP' })).toBe(true);
    expect(met('bpk_opinion', { opinion: 'WDP' })).toBe(false);
    expect(met('bpk_opinion', { opinion: 'TMP' }, WBBM)).toBe(false);
  });
  it('SAKIP: B for WBK, BB for WBBM, at agency and unit level', () => {
    for (const code of ['sakip_agency', 'sakip_unit']) {
      expect(met(code, { grade: 'B' })).toBe(true);
      expect(met(code, { grade: 'CC' })).toBe(false);
      expect(met(code, { grade: 'B' }, WBBM)).toBe(false);
      expect(met(code, { grade: 'BB' }, WBBM)).toBe(true);
    }
  });
  it('Indeks RB: CC/B for Pemda, B/BB for K/L, K/L by default', () => {
    expect(met('rb_index', { grade: 'CC', agencyKind: 'pemda' })).toBe(true);
    expect(met('rb_index', { grade: 'C', agencyKind: 'pemda' })).toBe(false);
    expect(met('rb_index', { grade: 'B', agencyKind: 'pemda' }, WBBM)).toBe(true);
    expect(met('rb_index', { grade: 'CC', agencyKind: 'pemda' }, WBBM)).toBe(false);
    expect(met('rb_index', { grade: 'CC' })).toBe(false);
    expect(met('rb_index', { grade: 'B' })).toBe(true);
    expect(met('rb_index', { grade: 'B', agencyKind: 'kl' }, WBBM)).toBe(false);
    expect(met('rb_index', { grade: 'BB', agencyKind: 'kl' }, WBBM)).toBe(true);
  });
  it('SPIP maturity: level 3 or more', () => {
    expect(met('spip_maturity', { level: 3 })).toBe(true);
    expect(met('spip_maturity', { level: 2 })).toBe(false);
    expect(met('spip_maturity', { level: 5 }, WBBM)).toBe(true);
  });
  it('percentages: exactly 100 %', () => {
    for (const code of ['audit_follow_up', 'wealth_reports']) {
      expect(met(code, { percent: 100 })).toBe(true);
      expect(met(code, { percent: 99.99 })).toBe(false);
    }
  });
  it('yes/no facts', () => {
    expect(met('core_service', { yes: true })).toBe(true);
    expect(met('public_impact', { yes: false })).toBe(false);
  });
  it('a full year of building, to the day', () => {
    expect(met('zi_one_year', { startDate: '2024-05-31' })).toBe(true);
    expect(met('zi_one_year', { startDate: '2024-06-01' })).toBe(false);
    // Built from 29 Feb: the year is over on 1 March of a common year.
    expect(met('zi_one_year', { startDate: '2024-02-29' }, { target: 'WBK', today: '2025-02-28' })).toBe(
      false,
    );
    expect(met('zi_one_year', { startDate: '2024-02-29' }, { target: 'WBK', today: '2025-03-01' })).toBe(
      true,
    );
  });
  it('a missing, malformed or unknown value is never met', () => {
    expect(met('spip_maturity', undefined)).toBe(false);
    expect(met('spip_maturity', { level: '3' })).toBe(false);
    expect(met('audit_follow_up', { percent: 101 })).toBe(false);
    expect(met('zi_one_year', { startDate: '2024-02-30' })).toBe(false);
    expect(met('no_such_code', { yes: true })).toBe(false);
  });
});

describe('parsing what people enter', () => {
  it('fills defaults and refuses extra fields or wrong kinds', () => {
    expect(parsePrerequisiteValue('rb_index', { grade: 'B' })).toEqual({
      ok: true,
      value: { grade: 'B', agencyKind: 'kl' },
    });
    expect(parsePrerequisiteValue('spip_maturity', { level: 3, met: true }).ok).toBe(false);
    expect(parsePrerequisiteValue('bpk_opinion', { opinion: 'bagus' }).ok).toBe(false);
    expect(parsePrerequisiteValue('nope', {}).ok).toBe(false);
  });
});

describe('unmet codes', () => {
  it('none when everything is met and both documents are attached', () => {
    expect(unmetPrerequisites(allMet, WBBM, { coverLetter: true, sptjm: true })).toEqual([]);
  });
  it('lists the missing ones in catalogue order, then the documents', () => {
    const some = new Map(allMet);
    some.delete('spip_maturity');
    some.set('sakip_unit', { grade: 'B' });
    expect(unmetPrerequisites(some, WBK, { coverLetter: false, sptjm: true })).toEqual([
      'spip_maturity',
      'cover_letter',
    ]);
    expect(unmetPrerequisites(some, WBBM, { coverLetter: true, sptjm: false })).toEqual([
      'spip_maturity',
      'sakip_unit',
      'sptjm',
    ]);
  });
});
