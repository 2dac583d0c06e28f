import { createServer, type AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, seedUser, type TestApp } from '../../../test/support/test-app.ts';
import { emailOutbox, notifications, users } from '../db/schema.ts';
import { notify } from '../features/notifications/notify.ts';
import { createMailer } from '../mail/mailer.ts';
import { startSmtpSink } from '../mail/test/smtp-sink.ts';
import { backoffAfter, sendOutbox } from './send-outbox.ts';

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let leadId: string;
let englishId: string;

beforeAll(async () => {
  t = await createTestApp();
  sink = await startSmtpSink();
  org = await seedOrg(t.db);
  const [lead] = await t.db.select().from(users).where(eq(users.email, 'lead@sumenep.test'));
  leadId = lead!.id;
  englishId = await seedUser(t.db, { email: 'english@sumenep.test', homeUnit: org.sumenep });
  await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, englishId));
});
afterAll(async () => {
  await sink.close();
  await t.close();
});

const MINUTE = 60_000;
const options = (now: Date) => ({
  now,
  maxAttempts: 3,
  maxAgeMs: 72 * 60 * MINUTE,
  publicUrl: 'https://zi.example.go.id',
});

const freePort = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

const tpiReturn = (userIds: string[]) => ({
  userIds,
  unitId: org.sumenep.id,
  kind: 'review.tpi_return',
  params: { unit: 'KPU Kabupaten Sumenep', period: 'LKE 2026', note: 'Lengkapi SK tim' },
  link: '/assessments/abc',
  email: true,
});

const outboxRows = () => t.db.select().from(emailOutbox);
const clearOutbox = () => t.db.delete(emailOutbox);

describe('sending the e-mail outbox', () => {
  it('a refused SMTP connection retries with backoff, then marks the e-mail failed after the last attempt', async () => {
    await clearOutbox();
    const start = new Date('2026-05-20T01:00:00Z');
    await notify(t.db, tpiReturn([leadId]), start);
    const dead = createMailer({
      smtpUrl: `smtp://127.0.0.1:${await freePort()}`,
      from: 'Pulau <pulau@test>',
    });

    const first = await sendOutbox(t.db, dead, options(start));
    expect(first).toEqual({ sent: 0, retried: 1, failed: 0, expired: 0 });
    let [row] = await outboxRows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row!.nextAttemptAt.getTime()).toBe(start.getTime() + backoffAfter(1));

    // Not due yet: nothing is tried.
    expect(await sendOutbox(t.db, dead, options(new Date(start.getTime() + 30_000)))).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
      expired: 0,
    });

    const second = new Date(start.getTime() + backoffAfter(1));
    expect((await sendOutbox(t.db, dead, options(second))).retried).toBe(1);
    [row] = await outboxRows();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row!.nextAttemptAt.getTime()).toBe(second.getTime() + backoffAfter(2));

    const third = new Date(second.getTime() + backoffAfter(2));
    expect(await sendOutbox(t.db, dead, options(third))).toEqual({
      sent: 0,
      retried: 0,
      failed: 1,
      expired: 0,
    });
    [row] = await outboxRows();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
    // A failed row is never picked again.
    expect((await sendOutbox(t.db, dead, options(new Date(third.getTime() + 3_600_000)))).failed).toBe(0);
    dead.close();
  });

  it('delivers each e-mail once to its recipient, in the reader’s language first, with the public link', async () => {
    await clearOutbox();
    sink.received.length = 0;
    const now = new Date('2026-05-20T02:00:00Z');
    await t.db.transaction((tx) => notify(tx, tpiReturn([leadId, englishId, leadId]), now));
    const mailer = createMailer({ smtpUrl: sink.url, from: 'Pulau <pulau@test>' });

    // Two processes at once: each row is claimed by one of them only.
    const [a, b] = await Promise.all([
      sendOutbox(t.db, mailer, options(now)),
      sendOutbox(t.db, mailer, options(now)),
    ]);
    expect(a.sent + b.sent).toBe(2);
    expect(await sendOutbox(t.db, mailer, options(new Date(now.getTime() + 3_600_000)))).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
      expired: 0,
    });
    mailer.close();

    expect(sink.received).toHaveLength(2);
    const toLead = sink.received.find((m) => m.to[0] === 'lead@sumenep.test')!;
    expect(toLead.to).toEqual(['lead@sumenep.test']);
    expect(toLead.from).toBe('pulau@test');
    expect(toLead.subject).toBe(
      'LKE KPU Kabupaten Sumenep dikembalikan TPI untuk perbaikan / KPU Kabupaten Sumenep: LKE returned by the TPI for revision',
    );
    expect(toLead.text).toContain('TPI mengembalikan LKE periode LKE 2026 untuk perbaikan: Lengkapi SK tim');
    expect(toLead.text).toContain('The TPI returned the LKE for LKE 2026 for revision: Lengkapi SK tim');
    expect(toLead.text.indexOf('TPI mengembalikan')).toBeLessThan(toLead.text.indexOf('The TPI returned'));
    expect(toLead.text).toContain('https://zi.example.go.id/assessments/abc');
    expect(toLead.text).not.toContain('{{');

    const toEnglish = sink.received.find((m) => m.to[0] === 'english@sumenep.test')!;
    expect(toEnglish.subject.startsWith('KPU Kabupaten Sumenep: LKE returned by the TPI')).toBe(true);
    expect(toEnglish.text.indexOf('The TPI returned')).toBeLessThan(
      toEnglish.text.indexOf('TPI mengembalikan'),
    );

    const rows = await outboxRows();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(rows.every((r) => r.attempts === 1 && r.sentAt?.getTime() === now.getTime())).toBe(true);
  });

  it('drops e-mail that waited past the maximum age instead of sending it late', async () => {
    await clearOutbox();
    sink.received.length = 0;
    const written = new Date('2026-05-01T00:00:00Z');
    await notify(t.db, tpiReturn([leadId]), written);
    const mailer = createMailer({ smtpUrl: sink.url, from: 'Pulau <pulau@test>' });
    const result = await sendOutbox(t.db, mailer, options(new Date(written.getTime() + 73 * 60 * MINUTE)));
    mailer.close();
    expect(result).toEqual({ sent: 0, retried: 0, failed: 0, expired: 1 });
    expect(sink.received).toHaveLength(0);
    const [row] = await outboxRows();
    expect(row).toMatchObject({ status: 'failed', attempts: 0 });
  });

  it('notify writes inbox rows for active users only, and no e-mail when not asked', async () => {
    await clearOutbox();
    await t.db.delete(notifications);
    const gone = await seedUser(t.db, { email: 'gone@sumenep.test', homeUnit: org.sumenep });
    await t.db.update(users).set({ active: false }).where(eq(users.id, gone));
    const now = new Date('2026-05-20T03:00:00Z');
    await notify(t.db, { ...tpiReturn([leadId, gone]), email: false }, now);
    await notify(t.db, { ...tpiReturn([]), email: true }, now);
    const inbox = await t.db.select().from(notifications);
    expect(inbox.map((n) => n.userId)).toEqual([leadId]);
    expect(inbox[0]).toMatchObject({ kind: 'review.tpi_return', link: '/assessments/abc', readAt: null });
    expect(inbox[0]!.createdAt.getTime()).toBe(now.getTime());
    expect(await outboxRows()).toHaveLength(0);
  });
});
