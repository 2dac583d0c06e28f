import { describe, expect, it } from 'vitest';
import { formatId, toNumber } from '../shared/exact.ts';
import { parseLkeTemplate } from './parse-lke-template.ts';
import { T, templateData } from './test-support.ts';
import type { LkeTemplateFile } from './template-schema.ts';

// Expectations copied from the reference (§0, §1.2, §2): counts, weights, option counts.
const SUB_AREA_WEIGHTS: Record<string, number> = {
  'P1.i': 0.5,
  'P1.ii': 1,
  'P1.iii': 1,
  'P1.iv': 1.5,
  'P2.i': 1,
  'P2.ii': 2,
  'P2.iii': 0.5,
  'P3.i': 0.25,
  'P3.ii': 0.5,
  'P3.iii': 1.25,
  'P3.iv': 2,
  'P3.v': 0.75,
  'P3.vi': 0.25,
  'P4.i': 2.5,
  'P4.ii': 2.5,
  'P5.i': 1.5,
  'P5.ii': 1.5,
  'P5.iii': 1.5,
  'P5.iv': 1.5,
  'P5.v': 1.5,
  'P6.i': 1,
  'P6.ii': 1,
  'P6.iii': 1,
  'P6.iv': 1,
  'P6.v': 1,
  'R1.i': 2,
  'R1.ii': 1,
  'R1.iii': 1,
  'R2.i': 0.5,
  'R2.ii': 1,
  'R2.iii': 2,
  'R3.i': 1.5,
  'R3.ii': 1.5,
  'R3.iii': 2,
  'R4.i': 2,
  'R4.ii': 1.5,
  'R4.iii': 1.5,
  'R5.i': 2.5,
  'R5.ii': 3,
  'R5.iii': 2,
  'R6.i': 2.5,
  'R6.ii': 2.5,
};

const clone = () => structuredClone(templateData()) as LkeTemplateFile;
const sub = (d: LkeTemplateFile, aspect: number, area: number, sa: number) =>
  d.components[0].aspects[aspect]!.areas[area]!.subAreas[sa]!;

describe('the PermenPANRB 90/2021 template against the reference', () => {
  it('holds 113 scored items: 87 Pemenuhan, 23 Reform, 3 Hasil, and 22 inputs', () => {
    expect(T.items).toHaveLength(113);
    const count = (aspect: string, area: number) =>
      T.items.filter(
        (i) =>
          i.group >= 0 &&
          T.subAreas[T.groups[i.group]!.subArea]!.aspect === aspect &&
          T.subAreas[T.groups[i.group]!.subArea]!.area === area,
      ).length;
    expect([1, 2, 3, 4, 5, 6].map((a) => count('pemenuhan', a))).toEqual([12, 9, 18, 11, 18, 19]);
    expect([1, 2, 3, 4, 5, 6].map((a) => count('reform', a))).toEqual([4, 6, 3, 3, 4, 3]);
    expect(T.items.filter((i) => i.group < 0).map((i) => i.code)).toEqual(['H1.a', 'H1.b', 'H2.a']);
    expect(T.inputByCode.size).toBe(22);
    expect(T.items.filter((i) => i.type === 'ratio').map((i) => i.code)).toEqual([
      'R1.i.a',
      'R1.i.b',
      'R3.iii.a',
      'R4.i.a',
      'R5.ii.a',
      'R5.iii.a',
      'R5.iii.b',
      'R6.i.b',
    ]);
    expect([...T.derivedCodes]).toEqual(['R5.iii.a.1', 'R5.iii.b.1']);
  });

  it('has every weight of §1', () => {
    expect(Object.fromEntries(T.subAreas.map((s) => [s.code, toNumber(s.weight)]))).toEqual(SUB_AREA_WEIGHTS);
    expect(T.areas.map((a) => toNumber(a.weight))).toEqual([8, 7, 10, 10, 15, 10]);
    expect(T.areas.map((a) => toNumber(a.aspectWeight.pemenuhan))).toEqual([4, 3.5, 5, 5, 7.5, 5]);
    expect(T.areas.map((a) => toNumber(a.aspectWeight.reform))).toEqual([4, 3.5, 5, 5, 7.5, 5]);
    expect(Object.values(T.weights).map(toNumber)).toEqual([100, 60, 40, 30, 30]);
    expect(T.hasilParts.map((p) => [p.code, toNumber(p.weight)])).toEqual([
      ['H1', 22.5],
      ['H2', 17.5],
    ]);
    expect(T.items.filter((i) => i.weight).map((i) => [i.code, toNumber(i.weight!)])).toEqual([
      ['H1.a', 17.5],
      ['H1.b', 5],
      ['H2.a', 17.5],
    ]);
    expect(
      T.groups.filter((g) => g.code.startsWith('R5.iii')).map((g) => [g.code, toNumber(g.weight)]),
    ).toEqual([
      ['R5.iii.LHKPN', 1],
      ['R5.iii.LHKASN', 1],
    ]);
  });

  it('gives every option item its options, with text and the literal values 0,67 / 0,33', () => {
    const byType: Record<string, number> = {};
    for (const it of T.items) {
      if (it.type === 'ratio' || it.type === 'index_0_4') continue;
      byType[it.type] = (byType[it.type] ?? 0) + 1;
      for (const o of it.options) expect(o.text.length).toBeGreaterThan(0);
      const expected = {
        yes_no: ['1', '0'],
        abc: ['1', '1/2', '0'],
        abcd: ['1', '67/100', '33/100', '0'],
        abcde: ['1', '3/4', '1/2', '1/4', '0'],
      }[it.type];
      expect(
        it.options.map((o) => (o.value.d === 1n ? `${o.value.n}` : `${o.value.n}/${o.value.d}`)),
      ).toEqual(expected);
    }
    expect(Object.values(byType).reduce((a, b) => a + b, 0)).toBe(103);
    const abcd = T.itemByCode.get('P1.iii.a');
    expect(abcd?.type === 'abcd' && formatId(abcd.options[1]!.value)).toBe('0,67');
  });

  it('carries guidance, typical evidence and the open choices with their defaults', () => {
    expect(T.items.filter((i) => i.evidence.length > 0)).toHaveLength(110);
    expect(T.items.filter((i) => i.type === 'yes_no').every((i) => i.guidance)).toBe(true);
    expect(T.choices.areaMinimum).toBe('combined');
    expect([T.choices.zeroOverZero, T.choices.decreaseFromZero].map(toNumber)).toEqual([1, 0]);
  });

  it('holds the §4.1 thresholds as data', () => {
    const rules = (id: string) =>
      Object.fromEntries(
        T.predicates
          .find((p) => p.id === id)!
          .rules.map((r) => [
            r.id,
            r.kind === 'min' ? toNumber(r.value) : r.kind === 'areaShare' ? toNumber(r.share) : r.kind,
          ]),
      );
    expect(rules('WBK')).toEqual({
      complete: 'complete',
      total: 75,
      pengungkit: 40,
      area: 0.6,
      H1: 18.25,
      'H1.a': 15.75,
      'H1.b': 2.5,
      H2: 14,
    });
    expect(rules('WBBM')).toEqual({
      alreadyWbk: 'context',
      complete: 'complete',
      total: 85,
      pengungkit: 48,
      area: 0.75,
      H1: 19.5,
      'H1.a': 15.75,
      'H1.b': 3.75,
      H2: 15.75,
    });
  });
});

describe('parseLkeTemplate refusals name the path', () => {
  const fail = (data: unknown) => {
    const r = parseLkeTemplate(data);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.error.message;
  };

  it('a sub-area weight that breaks its area total', () => {
    const d = clone();
    sub(d, 0, 0, 0).weight = 0.75;
    const msg = fail(d);
    expect(msg).toContain(
      'components[0].aspects[0].areas[0].weight (P1): sub-areas add up to 4,25, but the weight is 4',
    );
  });

  it('aspects that no longer add up to 60 and a total that is not 100', () => {
    const d = clone();
    d.components[0].weight = 61;
    expect(fail(d)).toContain(
      'components[0].weight (Pengungkit): aspects add up to 60, but the weight is 61',
    );
  });

  it('a wrong option count, an option out of order, and a value outside 0..1', () => {
    const d = clone();
    const item = sub(d, 0, 0, 0).items![1]!;
    if (item.type !== 'ratio') item.options.pop();
    const msg = fail(d);
    expect(msg).toContain(
      'components[0].aspects[0].areas[0].subAreas[0].items[1].options: type abc needs options A/B/C',
    );
    const e = clone();
    const opt = sub(e, 0, 0, 0).items![1]!;
    if (opt.type !== 'ratio') opt.options[1]!.value = 1.5;
    expect(fail(e)).toContain('items[1].options[1].value: an option value lies in 0..1');
  });

  it('a schema error, a duplicate code, an unknown metric, a bad formula input', () => {
    const d = clone();
    Reflect.deleteProperty(sub(d, 1, 0, 0).items![0]!, 'text');
    expect(fail(d)).toContain('components[0].aspects[1].areas[0].subAreas[0].items[0].text');
    const e = clone();
    sub(e, 0, 0, 0).items![1]!.code = 'P1.i.a';
    expect(fail(e)).toContain(
      'code P1.i.a is already used at components[0].aspects[0].areas[0].subAreas[0].items[0]',
    );
    const f = clone();
    const rule = f.predicates[0]!.rules[2]!;
    if (rule.kind === 'min') rule.metric = 'H9';
    expect(fail(f)).toContain('predicates[0].rules[2].metric: unknown metric H9');
    const g = clone();
    const ratioItem = sub(g, 1, 0, 0).items![0]!;
    if (ratioItem.type === 'ratio' && ratioItem.formula.kind === 'ratio')
      ratioItem.formula.numerator = ['R9.x'];
    expect(fail(g)).toContain('R9.x is not an input of R1.i.a');
  });
});
