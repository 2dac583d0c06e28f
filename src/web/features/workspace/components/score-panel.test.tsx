// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../../app/providers.tsx';
import { i18n } from '../../../lib/i18n.ts';
import { planPath } from '../../../../core/lke/plan-path.ts';
import { scoreAssessment } from '../../../../core/lke/score-assessment.ts';
import { itemGains } from '../../../../core/lke/what-if.ts';
import { formatId } from '../../../../core/shared/exact.ts';
import { TEMPLATE } from '../test/fixtures.ts';
import { ScorePanel } from './score-panel.tsx';

const set = {
  answers: {
    'P1.i.a': 'Ya',
    'P1.i.b': 'B',
    'P1.ii.a': 'Ya',
    'P1.ii.b': 'C',
    'R1.i.a.1': 4,
    'R1.i.a.2': 3,
    'H1.a': 3.6,
  },
  context: { alreadyWbk: false },
};

describe('ScorePanel', () => {
  it("shows the core's figures for a small answer set, the predicate rules and gains that link to items", async () => {
    await i18n.changeLanguage('id');
    const score = scoreAssessment(TEMPLATE, set);
    const plan = planPath(TEMPLATE, set, 'WBK');
    const onItem = vi.fn();
    render(
      <AppProviders client={createQueryClient()} env="test">
        <ScorePanel score={score} target="WBK" plan={plan} gains={itemGains(TEMPLATE, set)} onItem={onItem} />
      </AppProviders>,
    );
    const total = `${formatId(score.total.score)} / ${formatId(score.total.weight)}`;
    expect(screen.getByLabelText(`Nilai total: ${total}`)).toBeTruthy();
    expect(screen.getByLabelText(`Pengungkit: ${formatId(score.pengungkit.score)} / 60,00`)).toBeTruthy();
    expect(screen.getByLabelText(`Hasil: ${formatId(score.hasil.score)} / 40,00`)).toBeTruthy();
    expect(screen.getByText(`${score.completeness.answered}/${score.completeness.total}`)).toBeTruthy();

    const wbk = screen.getByRole('table', { name: 'Syarat predikat WBK' });
    const totalRow = within(wbk).getByText('Nilai total (Pengungkit + Hasil)').closest('tr');
    expect(totalRow?.textContent).toContain('75,00');
    expect(totalRow?.textContent).toContain(formatId(score.total.score));
    expect(totalRow?.textContent).toContain('belum');
    expect(screen.getAllByText('Belum memenuhi')).toHaveLength(2);

    const areas = screen.getByRole('table', { name: 'Nilai per area terhadap batas minimal' });
    const a1 = score.areas[0];
    expect(
      within(areas).getByText(
        `${formatId(a1?.total.score ?? score.total.score)}/${formatId(a1?.total.weight ?? score.total.weight)}`,
      ),
    ).toBeTruthy();

    const first = plan.changes[0];
    expect(first).toBeDefined();
    const links = screen.getAllByRole('button', { name: /^Buka .+, tambah .+ poin$/ });
    expect(links.length).toBeGreaterThan(0);
    fireEvent.click(links[0] as HTMLElement);
    expect(onItem).toHaveBeenCalledTimes(1);
  });
});
