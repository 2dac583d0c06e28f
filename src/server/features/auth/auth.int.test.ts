import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  logInAs,
  seedOrg,
  TEST_PASSWORD,
  type TestApp,
} from '../../../../test/support/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_MAX_FAILURES: '3', PULAU_LOGIN_RATE_PER_MINUTE: '12' });
  await seedOrg(t.db);
});
afterAll(() => t.close());

const login = (email: string, password: string, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    headers: cookie ? { cookie } : {},
    remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });

describe('login: refusals first', () => {
  it('400 for a malformed email, without a session', async () => {
    const res = await login('not-an-email', 'x');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers an unknown email and a wrong password alike', async () => {
    const unknown = await login('nobody@pulau.test', 'whatever-password');
    const wrong = await login('member@sumenep.test', 'whatever-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks an account after repeated failures, without saying so, and unlocks after the lock time', async () => {
    for (let i = 0; i < 3; i++)
      expect((await login('lead@sumenep.test', 'wrong-password')).statusCode).toBe(401);
    const locked = await login('lead@sumenep.test', TEST_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('INVALID_CREDENTIALS');
    t.advance(t.config.login.lockMs + 1000);
    expect((await login('lead@sumenep.test', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits one address with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'nobody@pulau.test', password: 'x' },
        remoteAddress: '10.1.1.1',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Lax cookie and rotates the session at login', async () => {
    const first = await login('member@sumenep.test', TEST_PASSWORD);
    const cookie = first.cookies.find((c) => c.name === 'pulau_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const second = await login('member@sumenep.test', TEST_PASSWORD, `pulau_session=${cookie?.value}`);
    const rotated = second.cookies.find((c) => c.name === 'pulau_session');
    expect(rotated?.value).not.toBe(cookie?.value);
    const old = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `pulau_session=${cookie?.value}` },
    });
    expect(old.statusCode).toBe(401);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const secure = await createTestApp({ PULAU_SECURE_COOKIES: 'true' });
    try {
      await seedOrg(secure.db);
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'member@sumenep.test', password: TEST_PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'pulau_session')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('expires an idle session', async () => {
    const client = await logInAs(t.app, 'member@sumenep.test');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    t.advance(t.config.session.idleMs + 1000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires a session at its absolute limit even when used', async () => {
    const client = await logInAs(t.app, 'member@sumenep.test');
    const step = t.config.session.idleMs / 2;
    let last = 200;
    for (let elapsed = 0; elapsed <= t.config.session.absoluteMs; elapsed += step) {
      t.advance(step);
      last = (await client.get('/api/auth/me')).statusCode;
    }
    expect(last).toBe(401);
  });

  it('logs out: the session no longer works', async () => {
    const client = await logInAs(t.app, 'member@sumenep.test');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('returns the user, her grants and a CSRF token', async () => {
    const client = await logInAs(t.app, 'member@sumenep.test');
    const me = (await client.get('/api/auth/me')).json();
    expect(me.csrfToken).toBe(client.csrfToken);
    expect(me.user).toMatchObject({ email: 'member@sumenep.test', isSystemAdmin: false });
    expect(me.user.grants).toEqual([
      expect.objectContaining({ role: 'team_member', unitName: 'KPU Kabupaten Sumenep' }),
    ]);
    expect(JSON.stringify(me)).not.toContain('passwordHash');
  });
});

describe('profile and password', () => {
  it('refuses a wrong current password and a too-short new one', async () => {
    const client = await logInAs(t.app, 'leader@jatim.test');
    const wrong = await client.post('/api/auth/change-password', {
      currentPassword: 'nope',
      newPassword: 'sangat-panjang-123',
    });
    expect(wrong.json().error.code).toBe('CURRENT_PASSWORD_WRONG');
    const short = await client.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
  });

  it('changes the password, ends other sessions, keeps this one', async () => {
    const other = await logInAs(t.app, 'leader@jatim.test');
    const client = await logInAs(t.app, 'leader@jatim.test');
    const res = await client.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'kata-sandi-baru-456',
    });
    expect(res.statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    await expect(logInAs(t.app, 'leader@jatim.test', 'kata-sandi-baru-456')).resolves.toBeTruthy();
  });

  it('updates name and language', async () => {
    const client = await logInAs(t.app, 'member@sumenep.test');
    const res = await client.patch('/api/auth/me', { name: 'Siti Aminah', locale: 'en' });
    expect(res.json().user).toMatchObject({ name: 'Siti Aminah', locale: 'en' });
  });
});
