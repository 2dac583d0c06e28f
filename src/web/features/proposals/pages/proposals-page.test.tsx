// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PrerequisiteView, ProposalOverview, ProposalRow } from '../../../../contracts/proposals.ts';
import { CSRF, adminMe, apiError, mockFetch, renderPage } from '../../../test-render.tsx';
import { ProposalsPage } from './proposals-page.tsx';

const AGENCY = '10000000-0000-4000-8000-000000000001';
const PERIOD = '20000000-0000-4000-8000-000000000001';
const READY = '30000000-0000-4000-8000-000000000001';
const BLOCKED = '30000000-0000-4000-8000-000000000002';
const EVIDENCE = '40000000-0000-4000-8000-000000000001';

const agencyAdmin = () =>
  adminMe({
    isSystemAdmin: false,
    grants: [
      {
        id: '50000000-0000-4000-8000-000000000001',
        role: 'agency_admin',
        unitId: AGENCY,
        unitName: 'KPU RI',
        unitPath: `/${AGENCY}/`,
        area: null,
      },
    ],
  });

const prerequisite = (over: Partial<PrerequisiteView> = {}): PrerequisiteView => ({
  code: 'spip_maturity',
  level: 'agency',
  input: 'maturity',
  text: 'Level maturitas SPIP minimal 3',
  certainty: 'regulation',
  value: { level: 2 },
  source: 'entered',
  met: { WBK: false, WBBM: false },
  evidence: null,
  note: '',
  version: 3,
  updatedAt: null,
  editable: true,
  ...over,
});

const row = (over: Partial<ProposalRow>): ProposalRow => ({
  assessmentId: READY,
  unitId: '60000000-0000-4000-8000-000000000001',
  unitName: 'KPU Kabupaten Sumenep',
  target: 'WBK',
  status: 'tpi_verdict_meets',
  version: 7,
  afirmasi: false,
  tpiVerdict: 'meets',
  scores: {
    level: 'tpi:quality_controller',
    total: '92,50',
    pengungkit: '57,00',
    hasil: '35,50',
    eligible: true,
  },
  prerequisites: { met: 10, total: 10, unmet: [] },
  documents: { coverLetter: true, sptjm: true },
  blockers: [],
  proposable: true,
  ...over,
});

const overview = (): ProposalOverview => ({
  period: {
    id: PERIOD,
    agencyId: AGENCY,
    year: 2025,
    name: 'ZI 2025',
    deadline: '2025-06-30',
    deadlineOverride: '2025-06-30',
    quota: 2,
    proposed: 1,
    version: 4,
  },
  agencyPrerequisites: [prerequisite()],
  assessments: [
    row({}),
    row({
      assessmentId: BLOCKED,
      unitName: 'KPU Kabupaten Pamekasan',
      proposable: false,
      documents: { coverLetter: false, sptjm: false },
      blockers: [
        {
          guard: 'documents_attached',
          code: 'PROPOSAL_DOCUMENTS_MISSING',
          message: 'Documents missing: cover_letter, sptjm.',
          details: { missing: ['cover_letter', 'sptjm'] },
        },
      ],
    }),
  ],
});

describe('ProposalsPage', () => {
  it('lists what blocks each unit, saves an agency prerequisite with its version, and proposes a ready unit', async () => {
    const calls = mockFetch((method, url) => {
      if (url === '/api/periods')
        return {
          status: 200,
          body: { periods: [{ id: PERIOD, agencyId: AGENCY, year: 2025, name: 'ZI 2025' }] },
        };
      if (url === `/api/periods/${PERIOD}/proposals`) return { status: 200, body: overview() };
      if (url === `/api/units/${AGENCY}/evidence`)
        return { status: 200, body: { evidence: [{ id: EVIDENCE, title: 'Laporan SPIP 2024' }] } };
      if (method === 'PUT' && url === `/api/periods/${PERIOD}/prerequisites/spip_maturity`)
        return {
          status: 200,
          body: prerequisite({ value: { level: 3 }, met: { WBK: true, WBBM: true }, version: 4 }),
        };
      if (method === 'POST' && url === `/api/assessments/${READY}/review/propose`)
        return { status: 200, body: {} };
      if (method === 'POST' && url === `/api/assessments/${BLOCKED}/review/propose`)
        return apiError(409, 'GUARD_FAILED');
      return undefined;
    });
    await renderPage(<ProposalsPage />, { path: '/proposals', me: agencyAdmin() });

    const units = await screen.findByRole('region', { name: 'Unit kerja pada periode ini' });
    expect(
      within(units).getByText(
        'Dokumen usulan belum dilampirkan: Surat pengantar usulan, Surat Pernyataan Tanggung Jawab Mutlak (SPTJM).',
      ),
    ).toBeTruthy();
    expect(within(units).getByText('Siap diusulkan')).toBeTruthy();
    expect(screen.getByText(/Kuota: 1 dari 2 unit sudah diusulkan/)).toBeTruthy();
    // TPN's window is the system administrators': the agency does not see the form.
    expect(screen.queryByRole('region', { name: 'Batas waktu dan kuota dari TPN' })).toBeNull();

    const agency = screen.getByRole('region', { name: 'Persyaratan tingkat instansi' });
    fireEvent.change(within(agency).getByRole('textbox', { name: 'Maturitas SPIP minimal level 3' }), {
      target: { value: '3' },
    });
    fireEvent.click(within(agency).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ value: { level: 3 }, evidenceId: null, note: '', version: 3 });
    expect(put?.headers['x-csrf-token']).toBe(CSRF);

    const buttons = within(units).getAllByRole('button', { name: 'Usulkan ke TPN' });
    expect((buttons[1] as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/review/propose'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/review/propose'))?.body).toEqual({ version: 7, note: '' });
  });

  it("a unit's lead, refused the agency view, gets her own assessments, each to its proposal page", async () => {
    const lead = adminMe({
      isSystemAdmin: false,
      grants: [
        {
          id: '50000000-0000-4000-8000-000000000002',
          role: 'zi_team_lead',
          unitId: '60000000-0000-4000-8000-000000000001',
          unitName: 'KPU Kabupaten Sumenep',
          unitPath: `/${AGENCY}/60000000-0000-4000-8000-000000000001/`,
          area: null,
        },
      ],
    });
    mockFetch((_method, url) => {
      if (url === '/api/periods')
        return {
          status: 200,
          body: { periods: [{ id: PERIOD, agencyId: AGENCY, year: 2025, name: 'ZI 2025' }] },
        };
      if (url === `/api/periods/${PERIOD}/proposals`) return apiError(403, 'FORBIDDEN');
      if (url === `/api/assessments?periodId=${PERIOD}`)
        return {
          status: 200,
          body: { assessments: [{ id: READY, unitName: 'KPU Kabupaten Sumenep', target: 'WBK' }] },
        };
      return undefined;
    });
    await renderPage(<ProposalsPage />, { path: '/proposals', me: lead });
    const mine = await screen.findByRole('region', { name: 'Penilaian unit Anda pada periode ini' });
    expect(within(mine).getByRole('link', { name: 'KPU Kabupaten Sumenep (WBK)' }).getAttribute('href')).toBe(
      `/proposals/assessments/${READY}`,
    );
  });
});
