import type { Exact } from '../shared/exact.ts';
import type { LkeTemplateFile, OptionType } from './template-schema.ts';

/** A template after loading: weights and values are exact, the tree is flattened for fast scoring. */
export type OptionDef = { key: string; text: string; value: Exact };

type ItemBase = {
  code: string;
  text: string;
  guidance?: string;
  note?: string;
  evidence: readonly string[];
  /** Position in `LkeTemplate.items`. */
  index: number;
  /** Index of the leaf group (sub-area or sub-sub-area) whose mean it joins; -1 for a Hasil item. */
  group: number;
  /** Points this item carries in a Hasil part (value × weight); null for Pengungkit items, which share a mean. */
  weight: Exact | null;
};
export type OptionItemDef = ItemBase & { type: OptionType; options: readonly OptionDef[] };
export type RatioFormula =
  | { kind: 'ratio'; numerator: readonly string[]; denominator: readonly string[] }
  | { kind: 'decrease'; previous: string; current: string };
export type RatioItemDef = ItemBase & {
  type: 'ratio';
  inputs: readonly InputDef[];
  derived: readonly { code: string; text: string; sum: readonly string[] }[];
  formula: RatioFormula;
};
export type IndexItemDef = ItemBase & { type: 'index_0_4'; scaleMax: Exact };
export type ItemDef = OptionItemDef | RatioItemDef | IndexItemDef;

export type InputDef = {
  code: string;
  text: string;
  item: string;
  usedInFormula: boolean;
  sameAs?: string;
  note?: string;
};

export type AspectKey = 'pemenuhan' | 'reform';

/** A sub-area, or a sub-sub-area (R5.iii): the level that averages its items and multiplies by its weight. */
export type LeafGroupDef = {
  code: string;
  name: string;
  weight: Exact;
  items: readonly number[];
  subArea: number;
};
export type SubAreaDef = {
  code: string;
  name: string;
  weight: Exact;
  aspect: AspectKey;
  area: number;
  groups: readonly number[];
  note?: string;
};
export type AreaDef = {
  number: number;
  name: string;
  weight: Exact;
  aspectWeight: Record<AspectKey, Exact>;
  aspectCode: Record<AspectKey, string>;
};
export type HasilPartDef = { code: string; name: string; weight: Exact; items: readonly number[] };

export type Metric = 'total' | 'pengungkit' | 'pemenuhan' | 'reform' | 'hasil' | { hasil: string };
export type PredicateRuleDef =
  | { id: string; kind: 'min'; metric: Metric; value: Exact; text?: string }
  | { id: string; kind: 'areaShare'; share: Exact; text?: string }
  | { id: string; kind: 'context'; flag: 'alreadyWbk'; text?: string }
  | { id: string; kind: 'complete'; text?: string };
export type PredicateDef = { id: string; name: string; source?: string; rules: readonly PredicateRuleDef[] };

export type AreaMinimumBasis = 'combined' | 'per_aspect';
export type LkeChoices = {
  /** How the per-area minimum is read: the area's Pemenuhan + Reform together, or each aspect on its own. */
  areaMinimum: AreaMinimumBasis;
  /** Value of a ratio (or a decrease) whose inputs are 0 and 0. */
  zeroOverZero: Exact;
  /** Value of a decrease when last year had 0 and this year has more. */
  decreaseFromZero: Exact;
};

export type LkeTemplate = {
  id: string;
  title: string;
  regulation: string;
  version: string;
  effectiveDate: string;
  choices: LkeChoices;
  weights: { total: Exact; pengungkit: Exact; hasil: Exact; pemenuhan: Exact; reform: Exact };
  names: { pengungkit: string; hasil: string; pemenuhan: string; reform: string };
  areas: readonly AreaDef[];
  subAreas: readonly SubAreaDef[];
  groups: readonly LeafGroupDef[];
  items: readonly ItemDef[];
  hasilParts: readonly HasilPartDef[];
  predicates: readonly PredicateDef[];
  itemByCode: ReadonlyMap<string, ItemDef>;
  inputByCode: ReadonlyMap<string, InputDef>;
  /** Codes a person might type that are computed, not answered (ratio items' derived sums). */
  derivedCodes: ReadonlySet<string>;
  /** The validated file, kept for display (`pulau template show`) and for export. */
  file: LkeTemplateFile;
};
