// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, apiError, CSRF, mockFetch, renderPage } from '../../../test-render.tsx';
import {
  activity,
  ACTIVITY,
  dashboard,
  PLAN,
  report,
  REPORT,
  UNIT,
  unit,
  unitPlans,
} from '../test/fixtures.ts';
import { ActionPlanPage } from './action-plan-page.tsx';
import { DashboardPage } from './dashboard-page.tsx';
import { ReportsPage } from './reports-page.tsx';

describe('ActionPlanPage', () => {
  it('shows the areas as tabs and the activities with status; adds an activity from the drawer', async () => {
    const calls = mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [unit()] } };
      if (url.startsWith(`/api/units/${UNIT}/action-plans?year=`)) return { status: 200, body: unitPlans() };
      if (method === 'POST' && url === `/api/action-plans/${PLAN}/activities`)
        return { status: 201, body: activity({ id: '40000000-0000-4000-8000-000000000009', title: 'Baru' }) };
      return undefined;
    });
    await renderPage(<ActionPlanPage />, { path: '/action-plans', me: adminMe() });
    // The unit is the only one readable, so it is chosen; the year comes from the address.
    expect(await screen.findByRole('tab', { name: /Manajemen Perubahan/ })).toBeTruthy();
    expect(screen.getAllByRole('tab')).toHaveLength(6);
    const table = await screen.findByRole('table', { name: 'Kegiatan area 1' });
    const row = within(table).getByText('Sosialisasi ZI ke pegawai').closest('tr')!;
    expect(within(row).getByText('Berisiko')).toBeTruthy();
    expect(within(row).getByText(/PJ: Siti Aminah/)).toBeTruthy();
    expect(within(row).getByText(/TW 1: 1 \(1 📎\)/)).toBeTruthy();
    expect(
      within(row).getByRole('button', { name: 'Masukan untuk Sosialisasi ZI ke pegawai' }).textContent,
    ).toBe('Masukan (2)');

    fireEvent.click(screen.getByRole('button', { name: 'Tambah kegiatan' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Kegiatan/), { target: { value: 'Baru' } });
    fireEvent.change(within(dialog).getByLabelText(/^Satuan/), { target: { value: 'dokumen' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers['x-csrf-token']).toBe(CSRF);
    expect(post.body).toMatchObject({
      title: 'Baru',
      target: 1,
      targetUnit: 'dokumen',
      quarters: [1, 2, 3, 4],
      personInChargeId: null,
      budget: null,
      lkeCodes: [],
    });
  });

  it("shows the server's refusal of an LKE code of another area under the LKE field", async () => {
    mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [unit()] } };
      if (url.startsWith(`/api/units/${UNIT}/action-plans?year=`)) return { status: 200, body: unitPlans() };
      if (method === 'POST' && url === `/api/action-plans/${PLAN}/activities`)
        return apiError(400, 'LKE_CODE_OUTSIDE_AREA');
      return undefined;
    });
    await renderPage(<ActionPlanPage />, { path: '/action-plans', me: adminMe() });
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah kegiatan' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Kegiatan/), { target: { value: 'Baru' } });
    fireEvent.change(within(dialog).getByLabelText(/^Satuan/), { target: { value: 'dokumen' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    // Once in the alert, once under the LKE field.
    await waitFor(() =>
      expect(within(dialog).getAllByText('Butir LKE harus dari area rencana aksi ini.')).toHaveLength(2),
    );
  });

  it('reports a realisation with the version read, and says where the evidence was attached', async () => {
    const calls = mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [unit()] } };
      if (url.startsWith(`/api/units/${UNIT}/action-plans?year=`)) return { status: 200, body: unitPlans() };
      if (url === `/api/units/${UNIT}/evidence`) return { status: 200, body: { evidence: [] } };
      if (method === 'PUT' && url === `/api/plan-activities/${ACTIVITY}/realisations/2`)
        return {
          status: 200,
          body: { activity: activity(), linked: [{ assessmentId: UNIT, code: 'P1.ii.c', evidenceId: UNIT }] },
        };
      return undefined;
    });
    await renderPage(<ActionPlanPage />, { path: '/action-plans', me: adminMe() });
    fireEvent.click(await screen.findByRole('button', { name: 'Realisasi Sosialisasi ZI ke pegawai' }));
    const dialog = await screen.findByRole('dialog');
    // Q1 is reported, so the first open planned quarter (Q2) is chosen.
    expect(
      within(dialog).getByText(/Saat disimpan, bukti dukung langsung ditautkan ke butir LKE P1.ii.c/),
    ).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Capaian triwulan ini/), { target: { value: '2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan realisasi' }));
    expect(await within(dialog).findByText('Tersimpan dan ditautkan ke butir LKE P1.ii.c.')).toBeTruthy();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({ version: 0, achieved: 2, note: '', evidenceIds: [] });
  });
});

describe('ActionPlanPage for staff without a role', () => {
  it("shows the unit's plans through the employee record, read-only, and comments through /api/me", async () => {
    const staff = adminMe({ isSystemAdmin: false, grants: [] });
    const calls = mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [] } };
      if (url.startsWith('/api/me/action-plans?year='))
        return { status: 200, body: { units: [unitPlans({ editableAreas: [], employees: [] })] } };
      if (url === `/api/me/plan-activities/${ACTIVITY}/comments`)
        return { status: 200, body: { comments: [] } };
      if (method === 'POST' && url === '/api/me/plan-comments')
        return {
          status: 201,
          body: {
            id: ACTIVITY,
            activityId: ACTIVITY,
            authorId: ACTIVITY,
            authorName: 'Budi',
            body: 'Usul',
            createdAt: '2026-08-20T00:00:00Z',
          },
        };
      return undefined;
    });
    await renderPage(<ActionPlanPage />, { path: '/action-plans', me: staff });
    expect(await screen.findByRole('heading', { name: 'KPU Kabupaten Sumenep' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tambah kegiatan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Realisasi Sosialisasi ZI ke pegawai' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Masukan untuk Sosialisasi ZI ke pegawai' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Belum ada masukan.');
    fireEvent.change(within(dialog).getByLabelText('Masukan baru'), { target: { value: 'Usul' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ activityId: ACTIVITY, body: 'Usul' });
  });
});

describe('ReportsPage', () => {
  it("the unit's leader approves a submitted report with its version; the PDF is a download link", async () => {
    const leader = adminMe({
      isSystemAdmin: false,
      grants: [
        {
          role: 'leader',
          unitId: UNIT,
          unitPath: `/${UNIT}/`,
          unitName: 'KPU Kabupaten Sumenep',
          area: null,
        },
      ],
    } as never);
    const calls = mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [unit()] } };
      if (url.startsWith(`/api/units/${UNIT}/plan-reports?year=`))
        return {
          status: 200,
          body: {
            reports: [
              report({
                id: REPORT,
                status: 'submitted',
                version: 2,
                submittedAt: '2026-04-05T00:00:00Z',
                submittedByName: 'Ketua Tim',
              }),
              report({ quarter: 2 }),
              report({ quarter: 3 }),
              report({ quarter: 4 }),
            ],
            canSubmit: false,
            canApprove: true,
          },
        };
      if (method === 'POST' && url === `/api/plan-reports/${REPORT}/approve`)
        return {
          status: 200,
          body: {
            ...report({ id: REPORT, status: 'approved', version: 3 }),
            filed: {
              evidenceId: '00000000-0000-4000-8000-0000000000e1',
              lkeLink: { linked: false, code: 'P1.iii.b', assessmentId: null, reason: 'locked' },
            },
          },
        };
      return undefined;
    });
    await renderPage(<ReportsPage />, { path: '/action-plans/reports', me: leader });
    const q1 = await screen.findByRole('article', { name: 'Triwulan 1' });
    expect(within(q1).getByText('Diajukan')).toBeTruthy();
    expect(within(q1).getByText(/Diajukan oleh Ketua Tim/)).toBeTruthy();
    expect(within(q1).getByRole('link', { name: 'Unduh PDF' }).getAttribute('href')).toMatch(
      new RegExp(`^/api/units/${UNIT}/plan-reports/\\d{4}/1/report.pdf$`),
    );
    expect(within(screen.getByRole('article', { name: 'Triwulan 2' })).queryByRole('button')).toBeNull();
    fireEvent.click(within(q1).getByRole('button', { name: 'Setujui dan teruskan' }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/approve'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/approve'))?.body).toEqual({ version: 2 });
    // The approved PDF became evidence; the LKE was locked, and the card says the link was not made.
    expect(await within(q1).findByText(/tidak dilampirkan ke butir LKE P1\.iii\.b/)).toBeTruthy();
  });
});

describe('DashboardPage', () => {
  it("shows each child's plans per area side by side with the last approved quarter", async () => {
    mockFetch((_method, url) => {
      if (url === '/api/units')
        return { status: 200, body: { units: [unit({ name: 'KPU Provinsi Jawa Timur' })] } };
      if (url.startsWith(`/api/units/${UNIT}/action-plans/children?year=`))
        return { status: 200, body: dashboard() };
      return undefined;
    });
    await renderPage(<DashboardPage />, { path: '/action-plans/dashboard', me: adminMe() });
    const table = await screen.findByRole('table', { name: 'Dasbor rencana aksi unit di bawahnya' });
    const row = within(table).getByRole('link', { name: 'KPU Kabupaten Sumenep' }).closest('tr')!;
    expect(within(row).getAllByText('3 kegiatan · 50 %')).toHaveLength(2);
    expect(within(row).getAllByText('1 terlambat')).toHaveLength(2);
    expect(within(row).getByText('TW 2')).toBeTruthy();
    expect(within(row).getAllByText('–')).toHaveLength(5);
  });
});
