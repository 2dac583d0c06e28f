import type { CampaignRow } from './repo.ts';

/** Campaign dates are calendar days in Western Indonesian Time (UTC+7), where most units are. */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** Today's date (YYYY-MM-DD) in WIB. */
export const todayWib = (now: Date): string =>
  new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a WIB calendar day starts. */
export const startOfDayWib = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS);

/** Open, and today within starts_on … ends_on (both inclusive). */
export const acceptsResponses = (c: CampaignRow, now: Date): boolean => {
  const today = todayWib(now);
  return c.status === 'open' && today >= c.startsOn && today <= c.endsOn;
};

/**
 * The period the responses cover, as the core's instants (end exclusive): the end of ends_on, or the moment
 * the campaign was closed if that came first (closing is its last change, so updated_at is that moment).
 */
export const campaignPeriod = (c: CampaignRow): { start: string; end: string } => {
  const scheduledEnd = startOfDayWib(c.endsOn).getTime() + 86_400_000;
  const end = c.status === 'closed' ? Math.min(scheduledEnd, c.updatedAt.getTime()) : scheduledEnd;
  return { start: startOfDayWib(c.startsOn).toISOString(), end: new Date(end).toISOString() };
};
