// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, CSRF, mockFetch, renderPage } from '../../../test-render.tsx';
import { InboxBell } from '../components/inbox-bell.tsx';
import { InboxPage } from './inbox-page.tsx';

const UNIT = '10000000-0000-4000-8000-000000000001';
const returned = {
  id: '30000000-0000-4000-8000-000000000001',
  kind: 'review.tpi_return',
  params: { unit: 'KPU Kabupaten Sumenep', period: 'ZI 2026', note: 'Lengkapi SK tim' },
  link: '/assessments/40000000-0000-4000-8000-000000000001',
  unitId: UNIT,
  createdAt: '2026-05-20T03:00:00Z',
  readAt: null,
};
const reminder = {
  id: '30000000-0000-4000-8000-000000000002',
  kind: 'reminder.fill_until',
  params: { unit: 'KPU Kabupaten Sumenep', period: 'ZI 2026', date: '2026-05-31', days: 7 },
  link: null,
  unitId: UNIT,
  createdAt: '2026-05-24T03:00:00Z',
  readAt: '2026-05-24T04:00:00Z',
};
const unknownKind = {
  ...reminder,
  id: '30000000-0000-4000-8000-000000000003',
  kind: 'pact.future_kind',
  params: {},
};

describe('InboxPage', () => {
  it('shows each notice in Bahasa Indonesia with its dates, marks one read and opens its item', async () => {
    let read = false;
    const calls = mockFetch((method, url) => {
      if (method === 'GET' && url === '/api/inbox?page=1&pageSize=20')
        return {
          status: 200,
          body: {
            items: [{ ...returned, readAt: read ? '2026-05-25T00:00:00Z' : null }, reminder, unknownKind],
            total: 3,
            unread: read ? 0 : 1,
            page: 1,
            pageSize: 20,
          },
        };
      if (method === 'POST' && url === `/api/inbox/${returned.id}/read`) {
        read = true;
        return { status: 200, body: { updated: 1 } };
      }
      return undefined;
    });
    await renderPage(<InboxPage />, { path: '/inbox', me: adminMe() });
    expect(
      await screen.findByText('LKE KPU Kabupaten Sumenep dikembalikan TPI untuk perbaikan'),
    ).toBeTruthy();
    expect(
      screen.getByText('TPI mengembalikan LKE periode ZI 2026 untuk perbaikan: Lengkapi SK tim'),
    ).toBeTruthy();
    expect(screen.getByText('Pengingat: batas pengisian LKE ZI 2026 31 Mei 2026')).toBeTruthy();
    expect(screen.getByText('Ada pemberitahuan baru untuk Anda (pact.future_kind).')).toBeTruthy();
    expect(screen.getAllByText('Baru')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Tandai dibaca' }));
    await waitFor(() => expect(screen.queryByText('Baru')).toBeNull());
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe(`/api/inbox/${returned.id}/read`);
    expect(post.headers['x-csrf-token']).toBe(CSRF);

    fireEvent.click(screen.getByRole('button', { name: 'Buka' }));
    expect(await screen.findByText('elsewhere')).toBeTruthy();
  });

  it('filters to the unread ones and marks all read', async () => {
    const calls = mockFetch((method, url) => {
      if (method === 'GET' && url.startsWith('/api/inbox?page=1&pageSize=20'))
        return {
          status: 200,
          body: {
            items: url.includes('unread=true') ? [returned] : [returned, reminder],
            total: url.includes('unread=true') ? 1 : 2,
            unread: 1,
            page: 1,
            pageSize: 20,
          },
        };
      if (method === 'POST' && url === '/api/inbox/read-all') return { status: 200, body: { updated: 1 } };
      return undefined;
    });
    await renderPage(<InboxPage />, { path: '/inbox', me: adminMe() });
    expect(await screen.findByText('Pengingat: batas pengisian LKE ZI 2026 31 Mei 2026')).toBeTruthy();
    fireEvent.click(screen.getByText('Belum dibaca'));
    await waitFor(() =>
      expect(screen.queryByText('Pengingat: batas pengisian LKE ZI 2026 31 Mei 2026')).toBeNull(),
    );
    expect(calls.some((c) => c.url === '/api/inbox?page=1&pageSize=20&unread=true')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Tandai semua dibaca' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.url === '/api/inbox/read-all')).toBe(true),
    );
  });

  it('the bell shows the unread count and links to the inbox', async () => {
    mockFetch((method, url) =>
      url === '/api/inbox?pageSize=1&unread=true'
        ? { status: 200, body: { items: [returned], total: 4, unread: 4, page: 1, pageSize: 1 } }
        : undefined,
    );
    await renderPage(<InboxBell />, { path: '/', me: adminMe() });
    const bell = await screen.findByRole('link', { name: 'Kotak masuk (4 belum dibaca)' });
    expect(bell.getAttribute('href')).toBe('/inbox');
    expect(screen.getByText('4')).toBeTruthy();
  });
});
