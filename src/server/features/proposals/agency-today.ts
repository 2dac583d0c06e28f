import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { reviewSettings } from '../../db/schema.ts';
import { localDate, type CalendarDate } from '../../../core/review/calendar.ts';
import { reviewConfigSchema, type ReviewConfig } from '../../../core/review/review-config.ts';

/** The agency's evaluation settings; stored settings that no longer parse read as the defaults. */
export const agencyReviewConfig = async (tx: Tx, agencyId: string): Promise<ReviewConfig> => {
  const [row] = await tx
    .select({ config: reviewSettings.config })
    .from(reviewSettings)
    .where(eq(reviewSettings.agencyId, agencyId));
  const parsed = reviewConfigSchema.safeParse(row?.config ?? {});
  return parsed.success ? parsed.data : reviewConfigSchema.parse({});
};

/** Today at the agency's UTC offset (WIB unless configured): the day deadlines and "a year since" count in. */
export const agencyToday = async (tx: Tx, agencyId: string, now: Date): Promise<CalendarDate> =>
  localDate(now, (await agencyReviewConfig(tx, agencyId)).utcOffsetMinutes);
