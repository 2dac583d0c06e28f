import { List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { GuardReasonView } from '../../../../contracts/reviews.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A guard's reason in the user's language: its code's sentence with the figures, else the server's English. */
export const guardText = (t: TFunction, reason: GuardReasonView): string => {
  const values: Record<string, string> = {};
  if (isRecord(reason.details))
    for (const [k, v] of Object.entries(reason.details))
      values[k] = Array.isArray(v)
        ? v.map(String).join(', ')
        : v === null || v === undefined
          ? '—'
          : String(v);
  return t(`review.guard.${reason.code}`, { ...values, defaultValue: reason.message });
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
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <List size="sm" aria-label={label} c="red.8">
      {reasons.map((r, i) => (
        <List.Item key={`${r.code}${i}`}>{guardText(t, r)}</List.Item>
      ))}
    </List>
  );
}
