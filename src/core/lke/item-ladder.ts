import { ONE, ZERO, cmp, div, mul, ratio, sub, type Exact } from '../shared/exact.ts';
import type { EvaluatedAnswers } from './evaluate-answers.ts';
import type { AspectKey, ItemDef, LkeTemplate } from './template-model.ts';

/** One reachable improvement of an item: `steps` option moves up, worth `value` (0..1). */
export type Rung = { steps: number; to: string; value: Exact };

/**
 * What can be done with one item, measured on the conservative basis (a blank item sits at its lowest option,
 * worth 0): its current value, the rungs above it, and its coefficient — the points one unit of value is worth
 * in the total (sub-area weight / item count, or the Hasil weight). Survey indices have no rungs: no option
 * moves them.
 */
export type ItemLadder = {
  item: ItemDef;
  area: number | null;
  aspect: AspectKey | null;
  answered: boolean;
  current: string | null;
  value: Exact;
  coefficient: Exact;
  rungs: Rung[];
};

const pct = (x: Exact): string => `${(Number((x.n * 10000n) / x.d) / 100).toString().replace('.', ',')} %`;

/** The ladders of every item, in template order. */
export const itemLadders = (template: LkeTemplate, ev: EvaluatedAnswers): ItemLadder[] =>
  template.items.map((item) => {
    const v = ev.values[item.index] ?? null;
    const group = item.group >= 0 ? template.groups[item.group] : undefined;
    const sa = group ? template.subAreas[group.subArea] : undefined;
    const coefficient = group ? div(group.weight, ratio(group.items.length)) : (item.weight ?? ZERO);
    const base = {
      item,
      area: sa?.area ?? null,
      aspect: sa?.aspect ?? null,
      answered: v !== null,
      coefficient,
    };
    if (item.type === 'index_0_4') {
      return { ...base, current: v === null ? null : pct(v), value: v ?? ZERO, rungs: [] };
    }
    if (item.type === 'ratio') {
      const value = v ?? ZERO;
      const rungs = cmp(value, ONE) < 0 ? [{ steps: 1, to: '100 %', value: ONE }] : [];
      return { ...base, current: v === null ? null : pct(v), value, rungs };
    }
    const lowest = item.options.length - 1;
    const at = ev.levels[item.index] ?? lowest;
    const rungs: Rung[] = [];
    for (let k = at - 1; k >= 0; k -= 1) {
      const o = item.options[k];
      if (o) rungs.push({ steps: at - k, to: o.key, value: o.value });
    }
    return { ...base, current: v === null ? null : (item.options[at]?.key ?? null), value: v ?? ZERO, rungs };
  });

/** Points gained in the total by moving a ladder to a rung. */
export const rungGain = (ladder: ItemLadder, rung: Rung): Exact =>
  mul(ladder.coefficient, sub(rung.value, ladder.value));
