// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChangeAgent } from '../../../../contracts/change-agents.ts';
import { mockFetch, renderPage } from '../../../test-render.tsx';
import { leadMe, unit, UNIT } from '../../team/test/fixtures.ts';
import { ChangeAgentsPage } from './change-agents-page.tsx';

const ASSESSMENT = '70000000-0000-4000-8000-000000000001';
const agent: ChangeAgent = {
  id: '80000000-0000-4000-8000-000000000001',
  unitId: UNIT,
  employeeId: '40000000-0000-4000-8000-000000000009',
  employeeName: 'Rina Agen',
  designatedOn: '2025-01-10',
  decreeRef: 'SK-AP/2025',
  revokedOn: null,
  version: 1,
  changes: [
    {
      id: '90000000-0000-4000-8000-000000000001',
      agentId: '80000000-0000-4000-8000-000000000001',
      title: 'Antrian daring',
      description: '',
      madeOn: '2026-02-01',
      integrated: true,
      evidenceIds: [],
      createdAt: '2026-02-01T00:00:00Z',
    },
  ],
};
const inputs = { 'R1.i.a.1': 1, 'R1.i.a.2': 1, 'R1.i.b.1': 1, 'R1.i.b.2': 1 };

describe('ChangeAgentsPage', () => {
  it('lists agents with their changes, shows the counts and applies them to a draft assessment', async () => {
    const year = new Date().getFullYear();
    const note =
      'Dari data Agen Perubahan Pulau: 1 agen, 1 perubahan (1 terintegrasi dalam sistem manajemen).';
    const calls = mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [unit] } };
      if (url === `/api/units/${UNIT}/change-agents`) return { status: 200, body: { agents: [agent] } };
      if (url.startsWith(`/api/units/${UNIT}/change-agents/counts`))
        return { status: 200, body: { from: `${year}-01-01`, to: `${year}-12-31`, inputs } };
      if (url === `/api/assessments?unitId=${UNIT}`)
        return {
          status: 200,
          body: {
            assessments: [
              {
                id: ASSESSMENT,
                year,
                target: 'WBK',
                status: 'draft',
                can: { answerAreas: [1, 2, 3, 4, 5, 6] },
              },
            ],
          },
        };
      if (method === 'POST' && url === `/api/assessments/${ASSESSMENT}/change-agent-inputs`)
        return {
          status: 200,
          body: { assessmentId: ASSESSMENT, from: `${year}-01-01`, to: `${year}-12-31`, inputs, note },
        };
      return undefined;
    });
    await renderPage(<ChangeAgentsPage />, { path: '/change-agents', me: leadMe() });

    const card = await screen.findByRole('article', { name: 'Rina Agen' });
    expect(within(card).getByText('Antrian daring')).toBeTruthy();
    expect(within(card).getByText('terintegrasi')).toBeTruthy();
    expect(await screen.findByText('Jumlah perubahan yang terintegrasi dalam sistem manajemen')).toBeTruthy();
    const apply = await screen.findByRole('button', { name: 'Terapkan ke LKE' });
    fireEvent.click(apply);
    expect(await screen.findByText(`Diterapkan ke lembar kerja: ${note}`)).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/change-agent-inputs'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/change-agent-inputs'))?.body).toEqual({
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    });
  });
});
