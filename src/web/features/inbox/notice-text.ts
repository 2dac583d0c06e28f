import type { i18n as I18n, TFunction } from 'i18next';
import { formatDate } from '../../lib/format.ts';
import type { Notice } from './api.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The title and sentence of a notice in the reader's language, from `inbox.kinds.<kind>` filled with its params
 * (calendar days shown as dates). A kind this build does not know yet gets the generic text.
 */
export const noticeText = (t: TFunction, i18n: I18n, notice: Notice): { title: string; body: string } => {
  const params: Record<string, string | number> = { kind: notice.kind };
  for (const [name, value] of Object.entries(notice.params))
    params[name] =
      typeof value === 'string' && ISO_DAY.test(value) ? formatDate(value, i18n.language) : value;
  const key = i18n.exists(`inbox.kinds.${notice.kind}.title`)
    ? `inbox.kinds.${notice.kind}`
    : 'inbox.kinds.generic';
  return { title: t(`${key}.title`, params), body: t(`${key}.body`, params) };
};
