import type { Tx } from '../../db/client.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { notify } from '../notifications/notify.ts';
import { createLinks, type CreatedLink } from './create-links.ts';
import type { PactUnit } from './current-document.ts';
import { pactStatus } from './pact-status.ts';

export type SendRemindersOptions = { unit: PactUnit; origin: string; actor: AuditActor; now: Date };

/**
 * Reminds every active employee who has not signed the current version: those with an account get an inbox
 * notice and an e-mail; those without one get a fresh one-time link, returned for the lead to pass on.
 */
export const sendReminders = async (
  tx: Tx,
  { unit, origin, actor, now }: SendRemindersOptions,
): Promise<{ notified: number; links: CreatedLink[] }> => {
  const unsigned = (await pactStatus(tx, unit.id)).filter((r) => r.signature === null).map((r) => r.employee);
  const withAccount = unsigned.filter((e) => e.userId !== null);
  const without = unsigned.filter((e) => e.userId === null);
  await notify(
    tx,
    {
      userIds: withAccount.map((e) => e.userId as string),
      unitId: unit.id,
      kind: 'pact.reminder',
      params: { unit: unit.name },
      link: '/pact/sign',
      email: true,
    },
    now,
  );
  const links =
    without.length === 0
      ? []
      : await createLinks(tx, { unit, employeeIds: without.map((e) => e.id), origin, actor, now });
  await writeAudit(tx, {
    actor,
    action: 'pact.reminded',
    subjectType: 'unit',
    subjectId: unit.id,
    unit,
    after: { notified: withAccount.map((e) => e.id), links: without.map((e) => e.id) },
    now,
  });
  return { notified: withAccount.length, links };
};
