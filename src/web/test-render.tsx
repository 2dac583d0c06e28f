// Renders a page as the app would: providers in test mode, a memory router, an optional logged-in session.
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { Me, Session } from '../contracts/auth.ts';
import { AppProviders, createQueryClient } from './app/providers.tsx';
import { setCsrfToken } from './lib/api.ts';
import { i18n } from './lib/i18n.ts';
import { SESSION_KEY, SETUP_STATUS_KEY } from './lib/session.ts';

export const CSRF = 'csrf-test-token';

export const adminMe = (overrides: Partial<Me> = {}): Me => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: 'admin@kpu.go.id',
  name: 'Siti Rahayu',
  isSystemAdmin: true,
  locale: 'id',
  mustChangePassword: false,
  grants: [],
  ...overrides,
});

type Reply = { status: number; body?: unknown };
export type Handler = (method: string, url: string, body: unknown) => Reply | undefined;

/** Replaces fetch; unhandled calls answer 404 so a test sees what it forgot. Returns the recorded calls. */
export const mockFetch = (handler: Handler) => {
  const calls: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, headers: (init.headers ?? {}) as Record<string, string>, body });
    const reply = handler(method, url, body) ?? {
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: url } },
    };
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
};

export const apiError = (status: number, code: string, details?: unknown): Reply => ({
  status,
  body: { error: { code, message: code, details } },
});

/** Renders `element` at `path`; with `me`, the session is already known (as after login). */
export const renderPage = async (
  element: React.ReactElement,
  { path = '/', me }: { path?: string; me?: Me } = {},
) => {
  await i18n.changeLanguage('id');
  const client = createQueryClient();
  client.setQueryData(SETUP_STATUS_KEY, { needsSetup: false });
  if (me) {
    const session: Session = { user: me, csrfToken: CSRF };
    client.setQueryData(SESSION_KEY, session);
    setCsrfToken(CSRF);
  } else {
    setCsrfToken(null);
  }
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [path] },
  );
  const utils = render(
    <AppProviders client={client} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...utils, client, router };
};
