import { ZERO, type Exact } from '../shared/exact.ts';
import { evaluateAnswers, type LkeAnswerSet } from './evaluate-answers.ts';
import { itemLadders, rungGain, type ItemLadder, type Rung } from './item-ladder.ts';
import type { LkeTemplate } from './template-model.ts';

/** A move of one item and what it adds: to the total, and to the item's area (Pemenuhan + Reform). */
export type ItemMove = { to: string; steps: number; gainTotal: Exact; gainArea: Exact };
export type ItemGain = {
  code: string;
  area: number | null;
  current: string | null;
  answered: boolean;
  /** One option up; null when already at the best option, or for a survey index. */
  oneStep: ItemMove | null;
  /** Straight to the best option; null when already there. */
  best: ItemMove | null;
};

const move = (l: ItemLadder, r: Rung | undefined): ItemMove | null => {
  if (!r) return null;
  const g = rungGain(l, r);
  return { to: r.to, steps: r.steps, gainTotal: g, gainArea: l.area === null ? ZERO : g };
};

/**
 * For every item, the gain in the total and in its area from moving it one option up and to the best option.
 * Gains are exact and measured on the conservative basis (a blank item counts as its lowest option), which
 * equals the official score once the assessment is complete. A ratio item's only move is to 100 %; a survey
 * index (IPAK, IPKP) has no option to move, so its best move is to 4,00.
 * @example
 * itemGains(t, { answers: { 'P1.ii.b': 'C', … } }).find((g) => g.code === 'P1.ii.b')
 * // { current: 'C', oneStep: { to: 'B', gainTotal: 1/6 }, best: { to: 'A', gainTotal: 1/3 } }
 */
export const itemGains = (template: LkeTemplate, set: LkeAnswerSet): ItemGain[] => {
  const ev = evaluateAnswers(template, set);
  return itemLadders(template, ev).map((l) => {
    const base = { code: l.item.code, area: l.area, current: l.current, answered: l.answered };
    if (l.item.type === 'index_0_4') {
      const best = l.item.weight ? { to: '4', steps: 0, value: { n: 1n, d: 1n } } : undefined;
      const m = best && best.value.n * l.value.d > l.value.n * best.value.d ? move(l, best) : null;
      return { ...base, oneStep: null, best: m };
    }
    return { ...base, oneStep: move(l, l.rungs[0]), best: move(l, l.rungs[l.rungs.length - 1]) };
  });
};
