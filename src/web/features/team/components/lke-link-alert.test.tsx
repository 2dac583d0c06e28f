// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../test-render.tsx';
import { LkeLinkAlert } from './lke-link-alert.tsx';

const A = '00000000-0000-4000-8000-00000000000a';

describe('LkeLinkAlert', () => {
  it('says the signed decree was attached to its item', async () => {
    await renderPage(
      <LkeLinkAlert outcome={{ linked: true, code: 'P1.i.a', assessmentId: A }} keyPrefix="team.lkeLink" />,
    );
    expect((await screen.findByRole('status')).textContent).toBe(
      'SK bertanda tangan dilampirkan sebagai bukti LKE butir P1.i.a.',
    );
  });

  it('says why nothing was attached: a locked LKE, or none for the year', async () => {
    await renderPage(
      <>
        <LkeLinkAlert
          outcome={{ linked: false, code: 'P1.i.a', assessmentId: A, reason: 'locked' }}
          keyPrefix="team.lkeLink"
        />
        <LkeLinkAlert
          outcome={{ linked: false, code: 'P1.iii.b', assessmentId: null, reason: 'no_assessment' }}
          keyPrefix="actionPlans.reports.lkeLink"
        />
      </>,
    );
    const [locked, none] = await screen.findAllByRole('status');
    expect(locked?.textContent).toContain(
      'tidak dilampirkan ke butir LKE P1.i.a: LKE tahun ini sudah dikunci',
    );
    expect(none?.textContent).toContain(
      'belum ada LKE unit untuk tahun ini, jadi belum dilampirkan ke butir P1.iii.b',
    );
  });
});
