// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, mockFetch, renderPage } from '../../../test-render.tsx';
import { PactPage } from './pact-page.tsx';

const UNIT = '10000000-0000-4000-8000-000000000001';
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
const row = (n: number, signed: boolean, hasAccount = true) => ({
  employeeId: `20000000-0000-4000-8000-00000000000${n}`,
  name: `Pegawai ${n}`,
  nip: null,
  position: 'Staf',
  hasAccount,
  signedAt: signed ? '2026-11-20T03:00:00Z' : null,
  via: signed ? 'login' : null,
});

describe('PactPage', () => {
  it('shows "412 dari 430", the unsigned list, and sends a reminder that returns fresh links', async () => {
    const calls = mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [unit] } };
      if (url === `/api/units/${UNIT}/pact`)
        return {
          status: 200,
          body: {
            document: {
              unitId: UNIT,
              version: 1,
              body: 'PAKTA INTEGRITAS',
              sha256: 'b'.repeat(64),
              createdAt: '2026-01-01T00:00:00Z',
            },
            progress: { total: 430, signed: 412, percent: 95 },
          },
        };
      if (url === `/api/units/${UNIT}/pact/status`)
        return { status: 200, body: { rows: [row(1, true), row(2, false), row(3, false, false)] } };
      if (url === '/api/assessments?unitId=' + UNIT) return { status: 200, body: { assessments: [] } };
      if (method === 'POST' && url === `/api/units/${UNIT}/pact/reminders`)
        return {
          status: 200,
          body: {
            notified: 1,
            links: [
              {
                employeeId: row(3, false).employeeId,
                name: 'Pegawai 3',
                url: 'http://x/tanda-tangan/abc',
                qrSvg: '<svg/>',
                expiresAt: '2026-12-07T00:00:00Z',
              },
            ],
          },
        };
      return undefined;
    });
    await renderPage(<PactPage />, { path: '/pact', me: adminMe() });
    expect(
      await screen.findByText('412 dari 430 sudah menandatangani', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(await screen.findByText('Belum menandatangani (2)', undefined, { timeout: 5000 })).toBeTruthy();
    expect(
      screen.getByRole('table', { name: 'Pegawai yang belum menandatangani' }).textContent,
    ).not.toContain('Pegawai 1');
    fireEvent.click(screen.getByRole('button', { name: 'Kirim pengingat' }));
    expect(
      await screen.findByRole('img', { name: 'Kode QR tautan tanda tangan Pegawai 3' }, { timeout: 5000 }),
    ).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/pact/reminders'))).toBe(true));
    expect(screen.getByRole('link', { name: 'Unduh daftar penandatangan (PDF)' }).getAttribute('href')).toBe(
      `/api/units/${UNIT}/pact/signed-list.pdf`,
    );
  });
});
