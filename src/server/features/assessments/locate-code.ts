import type { ItemDef, LkeTemplate } from '../../../core/lke/template-model.ts';
import { HttpError } from '../../http/errors.ts';

/** An answerable code: an item, or a count input that belongs to its item (and so to the item's area). */
export type LocatedCode = { item: ItemDef; isInput: boolean; area: number | null };

/** The change area (1–6) of an item, or null for a Hasil item. */
export const areaOfItem = (template: LkeTemplate, item: ItemDef): number | null => {
  if (item.group < 0) return null;
  const group = template.groups[item.group];
  return group ? (template.subAreas[group.subArea]?.area ?? null) : null;
};

export const locateCode = (template: LkeTemplate, code: string): LocatedCode | undefined => {
  const direct = template.itemByCode.get(code);
  const input = direct ? undefined : template.inputByCode.get(code);
  const item = direct ?? (input ? template.itemByCode.get(input.item) : undefined);
  if (!item) return undefined;
  return { item, isInput: !direct, area: areaOfItem(template, item) };
};

/** Like `locateCode`, for routes: 404 ITEM_UNKNOWN when the pinned template has no such code. */
export const requireCode = (template: LkeTemplate, code: string): LocatedCode => {
  const found = locateCode(template, code);
  if (!found) {
    throw new HttpError(404, 'ITEM_UNKNOWN', `${code} is not an item or count input of ${template.id}.`);
  }
  return found;
};
