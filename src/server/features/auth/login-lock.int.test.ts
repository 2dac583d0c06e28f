import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, users } from '../../db/schema.ts';
import { createTestApp, seedUser, TEST_PASSWORD, type TestApp } from '../../../../test/support/test-app.ts';

// Counts the passwords really checked against a user's hash (the dummy check for locked accounts is not one).
const evaluated = vi.hoisted(() => ({ count: 0 }));
vi.mock('./passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./passwords.ts')>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      evaluated.count += 1;
      return real.verifyPassword(hash, password);
    },
  };
});

const MAX = 5;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_MAX_FAILURES: String(MAX), PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
});
afterAll(() => t.close());
beforeEach(() => {
  evaluated.count = 0;
});

let address = 0;
/** Each attempt from its own address, as a spread-out attack would be: the address limit is not under test. */
const login = (email: string, password: string) => {
  address += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: `10.77.${Math.floor(address / 250) % 250}.${address % 250}`,
  });
};

const userRow = async (email: string) => {
  const [row] = await t.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row;
};

const lockRecords = async (userId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'user.locked'), eq(auditLog.subjectId, userId)));

describe('account lock under a concurrent burst', () => {
  it('evaluates exactly the allowed number of 50 concurrent wrong passwords, then refuses the right one', async () => {
    const email = 'burst-wrong@pulau.test';
    const id = await seedUser(t.db, { email });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => login(email, `wrong-${i}`)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(401));
    expect(new Set(answers.map((a) => a.json().error.code))).toEqual(new Set(['INVALID_CREDENTIALS']));
    expect(evaluated.count).toBe(MAX);
    expect((await userRow(email)).lockedUntil).not.toBeNull();
    expect(await lockRecords(id)).toHaveLength(1);

    const right = await login(email, TEST_PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(evaluated.count).toBe(MAX);

    t.advance(t.config.login.lockMs + 1000);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
    expect(await userRow(email)).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('lets the right password inside a burst in only among the allowed attempts, and the account ends locked', async () => {
    const email = 'burst-mixed@pulau.test';
    await seedUser(t.db, { email });
    const passwords = Array.from({ length: 50 }, (_, i) => (i === 25 ? TEST_PASSWORD : `wrong-${i}`));
    const answers = await Promise.all(passwords.map((p) => login(email, p)));
    const rightOk = answers[25]?.statusCode === 200;
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(rightOk ? 1 : 0);
    // A success resets the count, so the wrong passwords after it get a fresh allowance — never more.
    if (rightOk) {
      expect(evaluated.count).toBeGreaterThan(MAX);
      expect(evaluated.count).toBeLessThanOrEqual(2 * MAX);
    } else {
      expect(evaluated.count).toBe(MAX);
    }
    expect((await userRow(email)).lockedUntil).not.toBeNull();
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('lets the last allowed attempt log in when it is right, and a success starts the count again', async () => {
    const email = 'last-slot@pulau.test';
    const id = await seedUser(t.db, { email });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < MAX - 1; i++) expect((await login(email, 'wrong')).statusCode).toBe(401);
      expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
      expect(await userRow(email)).toMatchObject({ failedLogins: 0, lockedUntil: null });
    }
    expect(await lockRecords(id)).toHaveLength(0);
  });
});
