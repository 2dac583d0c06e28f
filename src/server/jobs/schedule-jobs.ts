import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { deleteExpiredSessions } from '../features/auth/repo.ts';
import { dropOldAddressHashes } from './drop-old-address-hashes.ts';

const HOUR = 3_600_000;

/**
 * Housekeeping every process runs at start and then hourly: each job is an idempotent statement, so several
 * processes running it at once do no harm and no coordination is needed. Returns the function that stops them.
 */
export const scheduleJobs = (db: Db, config: Config, log: FastifyBaseLogger): (() => void) => {
  const run = async () => {
    const now = new Date();
    try {
      await deleteExpiredSessions(db, now);
      const dropped = await dropOldAddressHashes(db, {
        now,
        retentionDays: config.survey.addressRetentionDays,
      });
      if (dropped > 0) log.info({ dropped }, 'dropped survey address hashes past their retention');
    } catch (err) {
      log.error({ err }, 'housekeeping failed; it runs again in an hour');
    }
  };
  void run();
  const timer = setInterval(() => void run(), HOUR);
  timer.unref();
  return () => clearInterval(timer);
};
