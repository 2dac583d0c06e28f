// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, CSRF, mockFetch, renderPage } from '../../../test-render.tsx';
import { campaign, CAMPAIGN, results, UNIT } from '../test/fixtures.ts';
import { CampaignsPage } from './campaigns-page.tsx';

const unit = {
  id: UNIT,
  parentId: null,
  path: `/${UNIT}/`,
  depth: 0,
  code: 'KPU-SMP',
  name: 'KPU Kabupaten Sumenep',
  type: 'instansi',
  region: null,
  isPublicService: true,
  afirmasi: false,
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('CampaignsPage', () => {
  it("lists the unit's campaigns with the live count per service, and opens a draft with its version", async () => {
    const open = campaign({
      id: '20000000-0000-4000-8000-000000000002',
      status: 'open',
      periodLabel: 'IPAK 2026',
    });
    const draft = campaign({ status: 'draft', periodLabel: 'IPKP 2026', kind: 'ipkp' });
    const calls = mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [unit] } };
      if (url === `/api/surveys/campaigns?unitId=${UNIT}`)
        return { status: 200, body: { campaigns: [open, draft] } };
      if (url === `/api/surveys/campaigns/${open.id}/results`) return { status: 200, body: results() };
      if (method === 'POST' && url === `/api/surveys/campaigns/${CAMPAIGN}/open`)
        return { status: 200, body: { ...draft, status: 'open', version: 4 } };
      return undefined;
    });
    await renderPage(<CampaignsPage />, { path: '/surveys', me: adminMe() });

    const card = await screen.findByRole('article', { name: 'IPAK 2026' });
    expect(within(card).getByText('Dibuka')).toBeTruthy();
    expect(
      await within(card).findByRole('progressbar', { name: 'Loket A: 25 dari target 48 responden' }),
    ).toBeTruthy();
    const draftCard = screen.getByRole('article', { name: 'IPKP 2026' });
    expect(within(draftCard).getByText('Draf')).toBeTruthy();
    expect(within(draftCard).getByText('IPKP')).toBeTruthy();
    fireEvent.click(within(draftCard).getByRole('button', { name: 'Buka survei IPKP 2026' }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/open'))).toBe(true));
    const post = calls.find((c) => c.url.endsWith('/open'));
    expect(post?.headers['x-csrf-token']).toBe(CSRF);
    expect(post?.body).toEqual({ version: 3 });
  });
});
