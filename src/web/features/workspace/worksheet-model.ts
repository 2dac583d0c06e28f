import type { Assessment, AnswerView } from '../../../contracts/assessments.ts';
import type { LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import type { ItemDef, LkeTemplate } from '../../../core/lke/template-model.ts';

// The worksheet's shape for navigation: component → area → sub-area → item, built from the template.

export type NavSubArea = { code: string; name: string; items: ItemDef[] };
export type NavArea = { key: string; label: string; area: number | null; subAreas: NavSubArea[] };
export type NavComponent = { key: 'pengungkit' | 'hasil'; name: string; areas: NavArea[] };

export const areaOfItem = (template: LkeTemplate, item: ItemDef): number | null => {
  if (item.group < 0) return null;
  const group = template.groups[item.group];
  return group ? (template.subAreas[group.subArea]?.area ?? null) : null;
};

export const buildNav = (template: LkeTemplate): NavComponent[] => {
  const itemsOf = (indexes: readonly number[]) =>
    indexes.map((i) => template.items[i]).filter((x): x is ItemDef => x !== undefined);
  const pengungkit: NavArea[] = template.areas.map((a) => ({
    key: `area-${a.number}`,
    label: a.name,
    area: a.number,
    subAreas: template.subAreas
      .filter((sa) => sa.area === a.number)
      .map((sa) => ({
        code: sa.code,
        name: sa.name,
        items: itemsOf(sa.groups.flatMap((g) => template.groups[g]?.items ?? [])),
      })),
  }));
  const hasil: NavArea[] = template.hasilParts.map((p) => ({
    key: p.code,
    label: p.name,
    area: null,
    subAreas: [{ code: p.code, name: p.name, items: itemsOf(p.items) }],
  }));
  return [
    { key: 'pengungkit', name: template.names.pengungkit, areas: pengungkit },
    { key: 'hasil', name: template.names.hasil, areas: hasil },
  ];
};

/** The codes a person writes for an item: the item itself, and each count input of a ratio item. */
export const codesOf = (item: ItemDef): string[] =>
  item.type === 'ratio' ? [item.code, ...item.inputs.map((i) => i.code)] : [item.code];

/** Answered as the gate counts it: a ratio item once every input is filled in. */
export const isAnswered = (item: ItemDef, valueOf: (code: string) => LkeAnswer): boolean =>
  item.type === 'ratio'
    ? item.inputs.every((i) => valueOf(i.code) !== null)
    : valueOf(item.code) !== null && valueOf(item.code) !== '';

export const countAnswered = (items: readonly ItemDef[], valueOf: (code: string) => LkeAnswer) => ({
  answered: items.filter((i) => isAnswered(i, valueOf)).length,
  total: items.length,
});

/** Why an item cannot be edited, or null when it can. */
export type ReadOnlyReason =
  'locked' | 'submitted' | 'notReturned' | 'outsideArea' | 'hasil' | null | 'fromSurvey';

/**
 * The unit answers in a draft, and in a returned assessment only the items an evaluator returned; from the
 * submission on, the evaluation's levels hold the rest. `itemReturned`: the item is open for revision.
 */
export const readOnlyReason = (
  assessment: Assessment,
  area: number | null,
  itemReturned = true,
): ReadOnlyReason => {
  if (assessment.status === 'submitted') return 'submitted';
  if (assessment.status === 'returned' && !itemReturned) return 'notReturned';
  if (assessment.status !== 'draft' && assessment.status !== 'returned') return 'locked';
  if (area === null) return assessment.can.answerHasil ? null : 'hasil';
  return assessment.can.answerAreas.includes(area) ? null : 'outsideArea';
};

/** Item status as shown: complete needs the answer and an explanation (narasi). */
export const itemStatus = (
  item: ItemDef,
  valueOf: (code: string) => LkeAnswer,
  explanationOf: (code: string) => string,
): AnswerView['status'] => {
  const answered = isAnswered(item, valueOf);
  const anyValue = codesOf(item).some((c) => valueOf(c) !== null);
  const explained = codesOf(item).some((c) => explanationOf(c).trim().length > 0);
  if (answered && explained) return 'complete';
  return anyValue || explained ? 'draft' : 'empty';
};

/** The badge colour of a review status: the unit's work grey, waiting blue, back to the unit orange, done teal. */
export const statusColor = (status: Assessment['status']): string => {
  if (status === 'draft') return 'gray';
  if (status === 'returned') return 'orange';
  if (status === 'decided_wbk' || status === 'decided_wbbm') return 'teal';
  if (status === 'tpi_verdict_not_meets' || status === 'not_awarded' || status === 'revoked') return 'red';
  return 'blue';
};
