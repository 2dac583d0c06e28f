import { localDate, type CalendarDate } from '../../core/review/calendar.ts';
import type { Db, Tx } from '../db/client.ts';
import { notify } from '../features/notifications/notify.ts';
import { agencyAdminsOver, assignedEvaluators, holdersOn } from '../features/notifications/recipients.ts';
import {
  agencyConfig,
  allPeriods,
  assessmentsIn,
  claimReminder,
  type PeriodRow,
} from '../features/notifications/reminders-repo.ts';

const DAY = 86_400_000;

/** Whole days from `today` to `until` (both local calendar days); 0 on the closing day itself. */
export const daysBetween = (today: CalendarDate, until: CalendarDate): number =>
  Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);

/**
 * Which reminder is due with this many days left: the week's one from 7 down to 2 days, the last one on the
 * day before and on the closing day itself (a window closes at the end of its last local day). A job that
 * missed the exact day still sends it, late; a closed window gets none.
 */
export const reminderBucket = (daysLeft: number): '7d' | '1d' | null =>
  daysLeft < 0 || daysLeft > 7 ? null : daysLeft <= 1 ? '1d' : '7d';

type Window = {
  id: 'fill_until' | 'review_until' | 'revision_until' | 'proposal_deadline';
  until: (period: PeriodRow, proposalMonthDay: string) => string | null;
  statuses: string[];
  recipients: (tx: Tx, unit: { unitId: string; unitPath: string }) => Promise<string[]>;
};

const UNIT_TEAM = ['zi_team_lead', 'area_coordinator', 'team_member'] as const;

/** Each window: when it closes, whose assessments it still waits for, and who can act on them. */
const WINDOWS: Window[] = [
  {
    id: 'fill_until',
    until: (p) => p.fillUntil,
    statuses: ['draft'],
    recipients: (tx, u) => holdersOn(tx, u.unitId, UNIT_TEAM),
  },
  {
    id: 'review_until',
    until: (p) => p.reviewUntil,
    statuses: ['tpi_review', 'resubmitted'],
    recipients: (tx, u) => assignedEvaluators(tx, u.unitId, 'tpi'),
  },
  {
    id: 'revision_until',
    until: (p) => p.revisionUntil,
    statuses: ['returned'],
    recipients: (tx, u) => holdersOn(tx, u.unitId, UNIT_TEAM),
  },
  {
    id: 'proposal_deadline',
    until: (p, monthDay) => p.proposalDeadline ?? `${p.year}-${monthDay}`,
    statuses: ['tpi_verdict_meets'],
    recipients: (tx, u) => agencyAdminsOver(tx, u.unitPath),
  },
];

/**
 * Reminders before each window of a period closes, at 7 days and 1 day before (on the agency's local calendar),
 * each once per assessment, recipient and closing date: the key is recorded in `reminders_sent` in the same
 * transaction as the notice, so several processes running this hourly send it once, and a window moved to a
 * later date reminds again. Returns how many notices were written.
 */
export const sendReminders = async (db: Db, now: Date): Promise<number> => {
  let written = 0;
  for (const period of await allPeriods(db)) {
    const config = await agencyConfig(db, period.agencyId);
    const today = localDate(now, config.utcOffsetMinutes);
    for (const window of WINDOWS) {
      const until = window.until(period, config.proposalDeadline);
      if (!until) continue;
      const daysLeft = daysBetween(today, until);
      const bucket = reminderBucket(daysLeft);
      if (!bucket) continue;
      for (const assessment of await assessmentsIn(db, period.id, window.statuses)) {
        written += await db.transaction(async (tx) => {
          const due: string[] = [];
          for (const userId of await window.recipients(tx, assessment)) {
            const key = `${window.id}:${until}:${assessment.id}:${userId}:${bucket}`;
            if (await claimReminder(tx, key, now)) due.push(userId);
          }
          await notify(
            tx,
            {
              userIds: due,
              unitId: assessment.unitId,
              kind: `reminder.${window.id}`,
              params: { unit: assessment.unitName, period: period.name, date: until, days: daysLeft },
              link: `/assessments/${assessment.id}`,
              email: true,
            },
            now,
          );
          return due.length;
        });
      }
    }
  }
  return written;
};
