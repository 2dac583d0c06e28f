// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, mockFetch, renderPage } from '../../../test-render.tsx';
import { TodoCard } from './todo-card.tsx';

describe('TodoCard', () => {
  it('lists each to-do with its count and a link to the page that does it', async () => {
    mockFetch((_m, url) =>
      url === '/api/me/todos'
        ? {
            status: 200,
            body: {
              todos: [
                {
                  kind: 'approval_waiting',
                  count: 1,
                  unitName: 'KPU Kabupaten Sumenep',
                  link: '/assessments/a1',
                  date: null,
                },
                {
                  kind: 'report_to_approve',
                  count: 2,
                  unitName: 'KPU Provinsi Jawa Timur',
                  link: '/action-plans/reports?unit=u1',
                  date: null,
                },
              ],
            },
          }
        : undefined,
    );
    await renderPage(<TodoCard />, { me: adminMe() });
    const list = await screen.findByRole('list', { name: 'Yang perlu Anda kerjakan' });
    const link = within(list).getByRole('link', {
      name: 'KPU Kabupaten Sumenep: penilaian menunggu persetujuan Anda',
    });
    expect(link.getAttribute('href')).toBe('/assessments/a1');
    expect(within(list).getByText('2')).toBeTruthy();
  });

  it('says so when nothing waits', async () => {
    mockFetch((_m, url) => (url === '/api/me/todos' ? { status: 200, body: { todos: [] } } : undefined));
    await renderPage(<TodoCard />, { me: adminMe() });
    expect(await screen.findByText('Tidak ada pekerjaan yang menunggu Anda saat ini.')).toBeTruthy();
  });
});
