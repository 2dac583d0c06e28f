// The review screen's logic, kept out of the components: filters, where levels differ, labels of levels.
import type { LevelView, ReviewItem, ReviewView } from '../../../contracts/reviews.ts';
import type { ItemDef } from '../../../core/lke/template-model.ts';
import { REVIEW_STATUSES } from '../../../core/review/review-status.ts';

export type ItemFilter = 'all' | 'changed' | 'returned' | 'no_evidence';
export const ITEM_FILTERS: readonly ItemFilter[] = ['all', 'changed', 'returned', 'no_evidence'];

/** The template item an answer code belongs to (a ratio's count inputs belong to their item). */
export const itemCodeOf = (item: ReviewItem): string => item.item;

export const matchesFilter = (item: ReviewItem, filter: ItemFilter): boolean => {
  if (filter === 'changed') return item.changed;
  if (filter === 'returned') return item.review.status !== 'open';
  if (filter === 'no_evidence') return item.evidence.length === 0;
  return true;
};

/** Items passing the filter and whose code (or item code) contains the search text. */
export const filterItems = (items: readonly ReviewItem[], filter: ItemFilter, search = ''): ReviewItem[] => {
  const q = search.trim().toLowerCase();
  return items.filter(
    (i) =>
      matchesFilter(i, filter) &&
      (!q || i.code.toLowerCase().includes(q) || itemCodeOf(i).toLowerCase().includes(q)),
  );
};

export const filterCounts = (items: readonly ReviewItem[]): Record<ItemFilter, number> => ({
  all: items.length,
  changed: items.filter((i) => matchesFilter(i, 'changed')).length,
  returned: items.filter((i) => matchesFilter(i, 'returned')).length,
  no_evidence: items.filter((i) => matchesFilter(i, 'no_evidence')).length,
});

/**
 * One level's answer to an item as the comparison column shows it, bottom up: the unit's first, then each
 * review level. `differs` marks a value unlike the level below (the highlight), `differsFromUnit` one unlike
 * the unit's own; levels not reached yet are left out, except the caller's.
 */
export type DiffRow = {
  level: string;
  value: ReviewItem['unit']['value'];
  note: string;
  own: boolean;
  differs: boolean;
  differsFromUnit: boolean;
};

export const itemDiff = (
  item: ReviewItem,
  reached: ReadonlySet<string>,
  myLevel: string | null,
): DiffRow[] => {
  const rows: DiffRow[] = [
    {
      level: 'unit',
      value: item.unit.value,
      note: item.unit.explanation,
      own: true,
      differs: false,
      differsFromUnit: false,
    },
  ];
  for (const l of item.levels) {
    if (!reached.has(l.level) && l.level !== myLevel) continue;
    rows.push({
      level: l.level,
      value: l.value,
      note: l.note,
      own: l.own,
      differs: l.differsFromBelow,
      differsFromUnit: l.value !== item.unit.value,
    });
  }
  return rows;
};

/** A level's score next to the level below it: the difference in total, and the codes that changed. */
export type LevelScoreRow = { level: LevelView; deltaTotal: number | null; changed: number };

export const levelScoreRows = (levels: readonly LevelView[]): LevelScoreRow[] =>
  levels.map((level, i) => {
    const below = i > 0 ? levels[i - 1] : undefined;
    return {
      level,
      deltaTotal: below ? round2(level.score.total - below.score.total) : null,
      changed: level.changedFromBelow.length,
    };
  });

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * How a level is named: `unit`, `preliminary`, `tpi:<stage>` (the stage by its id: the agency names its
 * stages by position), `tpn_desk`, `tpn_field`. Returns the i18n key and its values.
 */
export const levelKey = (level: string): { key: string; stage?: string } => {
  if (level.startsWith('tpi:')) return { key: 'review.levels.tpi', stage: level.slice(4) };
  return { key: `review.levels.${level}` };
};

/** The text of an answer value for this item: an option's key and text, a number, or a dash. */
export const valueText = (
  value: ReviewItem['unit']['value'],
  def: ItemDef | undefined,
  formatNumber: (n: number) => string,
): string => {
  if (value === null || value === '') return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (def && def.type !== 'ratio' && def.type !== 'index_0_4') {
    const option = def.options.find((o) => o.key === value);
    if (option) return `${option.key} · ${option.text}`;
  }
  return value;
};

/** The statuses in which some TPN level answers (desk or field review). */
export const TPN_STATUSES: readonly ReviewView['status'][] = ['proposed', 'tpn_desk', 'tpn_field'];

/** Steps of the workflow that need the decree (number and date). */
export const DECREE_ACTIONS = ['decide_wbk', 'decide_wbbm'] as const;

/** The inbox in the order of the workflow, then by unit; narrowed to one status when given. */
export const inboxRows = <R extends { status: string; unitName: string }>(
  rows: readonly R[],
  status: string | null,
): R[] => {
  const order = (s: string) => REVIEW_STATUSES.indexOf(s as (typeof REVIEW_STATUSES)[number]);
  return rows
    .filter((r) => !status || r.status === status)
    .sort((a, b) => order(a.status) - order(b.status) || a.unitName.localeCompare(b.unitName, 'id'));
};
