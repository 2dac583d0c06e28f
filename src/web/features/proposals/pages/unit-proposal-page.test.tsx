// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AssessmentPrerequisites, ProposalDocuments } from '../../../../contracts/proposals.ts';
import { adminMe, apiError, mockFetch, renderPage, type Handler } from '../../../test-render.tsx';
import { ASSESSMENT, UNIT, level, view } from '../../review/test/fixtures.ts';
import { UnitProposalPage } from './unit-proposal-page.tsx';

const AGENCY = '10000000-0000-4000-8000-000000000001';

const prerequisites = (): AssessmentPrerequisites => ({
  assessmentId: ASSESSMENT,
  unitId: UNIT,
  agencyId: AGENCY,
  target: 'WBK',
  afirmasi: false,
  prerequisites: [],
});

const documents = (): ProposalDocuments => ({
  assessmentId: ASSESSMENT,
  coverLetter: null,
  sptjm: null,
  proposedAt: null,
  version: 0,
});

/** An agency whose TPI works in two stages of its own, not the default three. */
const ownStages = () =>
  view({
    config: {
      preliminaryReview: false,
      tpiStages: [
        { id: 'irban', completedBy: ['irban'] },
        { id: 'inspektur', completedBy: ['inspektur'] },
      ],
      proposalDeadline: '05-31',
      utcOffsetMinutes: 420,
    },
    levels: [
      level('unit', 80),
      level('tpi:irban', 79),
      level('tpi:inspektur', 78, { reached: false }),
      level('tpn_desk', 78, { reached: false }),
      level('tpn_field', 78, { reached: false }),
    ],
  });

const open = async (review: () => ReturnType<Handler>) => {
  mockFetch((method, url) => {
    if (method !== 'GET') return undefined;
    if (url === `/api/assessments/${ASSESSMENT}/prerequisites`) return { status: 200, body: prerequisites() };
    if (url === `/api/assessments/${ASSESSMENT}/proposal`) return { status: 200, body: documents() };
    if (url === `/api/assessments/${ASSESSMENT}/review`) return review();
    if (url.startsWith(`/api/units/`)) return { status: 200, body: { evidence: [] } };
    return undefined;
  });
  const { router } = await renderPage(<UnitProposalPage />, {
    path: '/proposals/assessments/:id',
    me: adminMe({ isSystemAdmin: false, grants: [] }),
  });
  await act(() => router.navigate(`/proposals/assessments/${ASSESSMENT}`));
};

describe('UnitProposalPage: the LHE download', () => {
  it('says why when the review view is refused, and offers no level to download', async () => {
    await open(() => apiError(403, 'FORBIDDEN'));
    const lhe = await screen.findByRole('region', { name: 'Laporan Hasil Evaluasi (LHE)' });
    expect(await within(lhe).findByRole('alert')).toBeTruthy();
    expect(within(lhe).queryByRole('link')).toBeNull();
  });

  it("offers the assessment's own levels (its agency's TPI stages) and links the one chosen", async () => {
    await open(() => ({ status: 200, body: ownStages() }));
    const lhe = await screen.findByRole('region', { name: 'Laporan Hasil Evaluasi (LHE)' });
    const link = await within(lhe).findByRole('link');
    expect(link.getAttribute('href')).toBe(`/api/assessments/${ASSESSMENT}/lhe.pdf?level=unit`);
    fireEvent.click(within(lhe).getByRole('combobox'));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toHaveLength(5);
    expect(options.some((o) => o?.includes('tahap 2 dari 2'))).toBe(true);
    expect(screen.queryByRole('option', { name: /ketua tim|pengendali mutu/i })).toBeNull();
    fireEvent.click(screen.getByRole('option', { name: /inspektur \(tahap 2 dari 2\)/ }));
    expect(link.getAttribute('href')).toBe(
      `/api/assessments/${ASSESSMENT}/lhe.pdf?level=${encodeURIComponent('tpi:inspektur')}`,
    );
  });
});
