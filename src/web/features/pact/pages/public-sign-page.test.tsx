// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, mockFetch, renderPage } from '../../../test-render.tsx';
import { PublicSignPage } from './public-sign-page.tsx';

const SHA = 'a'.repeat(64);
const LINK_URL = '/api/public/pact-links/%3Atoken';
const shown = {
  unitName: 'KPU Kabupaten Sumenep',
  employeeName: 'Rahmat Pengemudi',
  document: {
    unitId: '10000000-0000-4000-8000-000000000001',
    version: 2,
    body: 'PAKTA INTEGRITAS\n\n1. Jujur.',
    sha256: SHA,
    createdAt: '2026-01-01T00:00:00Z',
  },
  expiresAt: '2026-12-01T00:00:00Z',
};

describe('PublicSignPage (logged out)', () => {
  it('shows the pact and signs once the reader confirms, sending the hash she read', async () => {
    const calls = mockFetch((method, url) => {
      if (method === 'GET' && url === LINK_URL) return { status: 200, body: shown };
      if (method === 'POST' && url === `${LINK_URL}/signature`)
        return {
          status: 201,
          body: {
            id: '30000000-0000-4000-8000-000000000001',
            employeeId: shown.document.unitId,
            documentSha256: SHA,
            signedAt: '2026-11-23T07:00:00Z',
            via: 'link',
          },
        };
      return undefined;
    });
    await renderPage(<PublicSignPage />, { path: '/tanda-tangan/:token' });
    expect(
      await screen.findByText('Tautan ini untuk Rahmat Pengemudi, KPU Kabupaten Sumenep.', undefined, {
        timeout: 5000,
      }),
    ).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Teks pakta integritas' }).textContent).toContain('1. Jujur.');
    const button = screen.getByRole('button', { name: 'Tanda tangani' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Saya telah membaca dan menyetujui pakta integritas ini.' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tanda tangani' }));
    expect(await screen.findByText('Sudah ditandatangani', undefined, { timeout: 5000 })).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ documentSha256: SHA });
  });

  it('a used link says so plainly', async () => {
    mockFetch((method, url) => (url === LINK_URL ? apiError(409, 'SIGNING_LINK_USED') : undefined));
    await renderPage(<PublicSignPage />, { path: '/tanda-tangan/:token' });
    expect(
      await screen.findByText('Tautan ini sudah dipakai untuk menandatangani.', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Tanda tangani' })).toBeNull());
  });
});
