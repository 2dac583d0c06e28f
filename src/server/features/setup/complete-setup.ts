import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SetupBody } from '../../../contracts/auth.ts';
import type { AppDeps } from '../../http/deps.ts';
import { HttpError } from '../../http/errors.ts';
import { users } from '../../db/schema.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createSession, type NewSession, type UserRow } from '../auth/repo.ts';
import { createUnit } from '../units/create-unit.ts';

const SETUP_LOCK = 7_140_003;

export const countUsers = async (db: Tx): Promise<number> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
};

export type CompleteSetupOptions = { input: SetupBody; ip: string | null; userAgent: string | null };

/** First run: the first agency and the system administrator, once; every later call is refused. */
export const completeSetup = async (
  deps: AppDeps,
  { input, ip, userAgent }: CompleteSetupOptions,
): Promise<{ user: UserRow; session: NewSession }> => {
  const passwordHash = await hashPassword(input.admin.password);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await countUsers(tx)) > 0) throw new HttpError(409, 'SETUP_DONE', 'Pulau is already set up.');
    const userId = randomUUID();
    const actor = { id: userId, label: input.admin.email, ip };
    const agency = await createUnit(tx, {
      input: {
        parentId: null,
        code: input.agency.code,
        name: input.agency.name,
        type: 'instansi',
        region: input.agency.region ?? null,
        isPublicService: false,
        afirmasi: false,
      },
      actor,
      now,
    });
    const [user] = await tx
      .insert(users)
      .values({
        id: userId,
        email: input.admin.email,
        name: input.admin.name,
        passwordHash,
        homeUnitId: agency.id,
        isSystemAdmin: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!user) throw new Error('insert returned no row');
    await writeAudit(tx, {
      actor,
      action: 'system.setup',
      subjectType: 'user',
      subjectId: userId,
      unit: { id: agency.id, path: agency.path },
      after: { email: user.email, name: user.name, isSystemAdmin: true },
      now,
    });
    const session = await createSession(tx, {
      userId,
      now,
      absoluteMs: deps.config.session.absoluteMs,
      ip,
      userAgent,
    });
    return { user, session };
  });
};
