import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { deleteExpiredSessions } from '../features/auth/repo.ts';
import { dropExpiredRateLimits } from '../http/rate-limit.ts';
import { createMailer } from '../mail/mailer.ts';
import { dropOldAddressHashes } from './drop-old-address-hashes.ts';
import { dropOldDeviceUses } from './drop-old-device-uses.ts';
import { dropStaleSigningLinks } from './drop-stale-signing-links.ts';
import { expireUploads } from './expire-uploads.ts';
import { openBlobStore } from '../storage/open-blob-store.ts';
import { sendOutbox } from './send-outbox.ts';
import { sendReminders } from './send-reminders.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * Housekeeping every process runs at start and then hourly: each job is an idempotent statement, so several
 * processes running it at once do no harm and no coordination is needed (reminders are keyed once each in
 * `reminders_sent`). The e-mail outbox is sent every
 * minute when SMTP is configured (its rows are claimed with SKIP LOCKED). Returns the function that stops them.
 */
export const scheduleJobs = (db: Db, config: Config, log: FastifyBaseLogger): (() => void) => {
  const blobs = openBlobStore(config);
  const run = async () => {
    const now = new Date();
    try {
      await deleteExpiredSessions(db, now);
      await dropExpiredRateLimits(db, now);
      const dropped = await dropOldAddressHashes(db, {
        now,
        retentionDays: config.survey.addressRetentionDays,
      });
      if (dropped > 0) log.info({ dropped }, 'dropped survey address hashes past their retention');
      const devices = await dropOldDeviceUses(db, { now });
      if (devices > 0) log.info({ devices }, 'dropped survey device hashes past their campaign window');
      const links = await dropStaleSigningLinks(db, { now });
      if (links > 0) log.info({ links }, 'dropped unused pact signing links expired over 30 days ago');
      const expired = await expireUploads(db, blobs, { now });
      if (expired.uploads > 0) log.info(expired, 'expired idle uploads and the bytes nothing refers to');
      const reminded = await sendReminders(db, now);
      if (reminded > 0) log.info({ reminded }, 'reminders before windows close');
    } catch (err) {
      log.error({ err }, 'housekeeping failed; it runs again in an hour');
    }
  };
  void run();
  const timers = [setInterval(() => void run(), HOUR)];

  const { smtpUrl } = config.mail;
  const mailer = smtpUrl ? createMailer({ smtpUrl, from: config.mail.from }) : null;
  if (mailer) {
    let sending = false;
    const send = async () => {
      if (sending) return;
      sending = true;
      try {
        const result = await sendOutbox(db, mailer, { now: new Date(), ...config.mail });
        if (result.sent + result.retried + result.failed + result.expired > 0)
          log.info(result, 'e-mail outbox');
      } catch (err) {
        log.error({ err }, 'e-mail outbox failed; it runs again in a minute');
      } finally {
        sending = false;
      }
    };
    timers.push(setInterval(() => void send(), MINUTE));
  } else log.info('PULAU_SMTP_URL is not set: workflow e-mail stays in the outbox, unsent');
  for (const timer of timers) timer.unref();
  return () => {
    for (const timer of timers) clearInterval(timer);
    mailer?.close();
  };
};
