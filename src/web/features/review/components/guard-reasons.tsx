import { List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { GuardReasonView } from '../../../../contracts/reviews.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Each detail a guard sends as a code, and the catalogue section that names it. */
const NAMED_DETAILS: Record<string, string> = {
  stage: 'review.position',
  completedBy: 'review.position',
  positions: 'review.position',
  unmet: 'proposals.codes',
  missing: 'proposals.documentCodes',
};
const DATE_DETAILS = new Set(['revokedOn', 'proposableFrom', 'deadline', 'today']);
const NUMBER_DETAILS = new Set(['actual', 'required']);

/**
 * A guard's reason in the user's language: its code's sentence with the figures. Codes inside the details
 * (stage and position ids, prerequisite and document codes) become their names, dates read "7 Desember 2026"
 * and numbers take a decimal comma, so no internal name reaches the screen.
 */
export const guardText = (t: TFunction, reason: GuardReasonView, lng = 'id'): string => {
  const values: Record<string, string> = {};
  const word = (key: string, v: unknown): string => {
    const section = NAMED_DETAILS[key];
    const text = String(v);
    if (section) return t(`${section}.${text}`, { defaultValue: text.replace(/_/g, ' ') });
    if (DATE_DETAILS.has(key) && /^\d{4}-\d{2}-\d{2}/.test(text)) return formatDate(text, lng);
    if (NUMBER_DETAILS.has(key) && text.trim() !== '' && !Number.isNaN(Number(text)))
      return formatNumber(Number(text), lng, 2);
    return text;
  };
  if (isRecord(reason.details))
    for (const [k, v] of Object.entries(reason.details))
      values[k] = Array.isArray(v)
        ? v.map((x) => word(k, x)).join(', ')
        : v === null || v === undefined
          ? '—'
          : word(k, v);
  // A failed score rule is named by its text (the template's words), not its id.
  if (isRecord(reason.details) && typeof reason.details.text === 'string') values.rule = reason.details.text;
  return t(`review.guard.${reason.code}`, { ...values, defaultValue: t('review.guard.UNKNOWN') });
};

/** The reasons out of a GUARD_FAILED refusal's details (`{ reasons: [...] }`). */
export const reasonsOf = (details: unknown): GuardReasonView[] =>
  isRecord(details) && Array.isArray(details.reasons)
    ? details.reasons.filter(
        (r): r is GuardReasonView =>
          isRecord(r) && typeof r.code === 'string' && typeof r.message === 'string',
      )
    : [];

export function GuardReasons({ reasons, label }: { reasons: readonly GuardReasonView[]; label: string }) {
  const { t, i18n } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <List size="sm" aria-label={label} c="red.8">
      {reasons.map((r, i) => (
        <List.Item key={`${r.code}${i}`}>{guardText(t, r, i18n.language)}</List.Item>
      ))}
    </List>
  );
}
