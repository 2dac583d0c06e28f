import { ZERO, add, div, mul, ratio, type Exact } from '../shared/exact.ts';
import type { AspectKey, LkeTemplate } from './template-model.ts';

/** How a blank item counts: left out of its sub-area mean (the official workbook) or counted as 0. */
export type RollUpMode = 'official' | 'conservative';

export type RollUp = {
  groups: Exact[];
  subAreas: Exact[];
  /** Area scores per aspect, indexed like `template.areas`. */
  areaAspect: Record<AspectKey, Exact[]>;
  pemenuhan: Exact;
  reform: Exact;
  pengungkit: Exact;
  /** Hasil part scores, indexed like `template.hasilParts`. */
  hasilParts: Exact[];
  /** Points of each Hasil item (value × its weight), by item code. */
  hasilItems: Map<string, Exact>;
  hasil: Exact;
  total: Exact;
};

/**
 * Adds item values up the tree exactly: sub-area = mean of its answered items × weight (a sub-area with
 * sub-sub-areas sums them); area = sum of its sub-areas per aspect; aspect = sum of areas; Pengungkit =
 * Pemenuhan + Reform; Hasil part = Σ value × item weight; total = Pengungkit + Hasil.
 * @example rollUp(t, values, 'official').total // 83,6… as an exact fraction
 */
export const rollUp = (
  template: LkeTemplate,
  values: readonly (Exact | null)[],
  mode: RollUpMode,
): RollUp => {
  const groups = template.groups.map((g) => {
    let s = ZERO;
    let n = 0;
    for (const i of g.items) {
      const v = values[i];
      if (v) {
        s = add(s, v);
        n += 1;
      }
    }
    const count = mode === 'official' ? n : g.items.length;
    return count === 0 ? ZERO : mul(div(s, ratio(count)), g.weight);
  });
  const areaIndex = new Map(template.areas.map((a, i) => [a.number, i]));
  const areaAspect: Record<AspectKey, Exact[]> = {
    pemenuhan: template.areas.map(() => ZERO),
    reform: template.areas.map(() => ZERO),
  };
  const subAreas = template.subAreas.map((sa) => {
    const score = sa.groups.reduce((s, g) => add(s, groups[g] ?? ZERO), ZERO);
    const ai = areaIndex.get(sa.area) ?? 0;
    const row = areaAspect[sa.aspect];
    row[ai] = add(row[ai] ?? ZERO, score);
    return score;
  });
  const pemenuhan = areaAspect.pemenuhan.reduce(add, ZERO);
  const reform = areaAspect.reform.reduce(add, ZERO);
  const pengungkit = add(pemenuhan, reform);
  const hasilItems = new Map<string, Exact>();
  const hasilParts = template.hasilParts.map((p) =>
    p.items.reduce((s, i) => {
      const item = template.items[i];
      const v = values[i];
      const pts = item && item.weight && v ? mul(v, item.weight) : ZERO;
      if (item) hasilItems.set(item.code, pts);
      return add(s, pts);
    }, ZERO),
  );
  const hasil = hasilParts.reduce(add, ZERO);
  return {
    groups,
    subAreas,
    areaAspect,
    pemenuhan,
    reform,
    pengungkit,
    hasilParts,
    hasilItems,
    hasil,
    total: add(pengungkit, hasil),
  };
};
