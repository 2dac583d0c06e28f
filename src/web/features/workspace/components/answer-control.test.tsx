// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../../app/providers.tsx';
import { i18n } from '../../../lib/i18n.ts';
import { ratio } from '../../../../core/shared/exact.ts';
import type { LkeAnswer } from '../../../../core/lke/evaluate-answers.ts';
import { TEMPLATE } from '../test/fixtures.ts';
import { AnswerControl } from './answer-control.tsx';

const renderControl = async (
  code: string,
  values: Record<string, LkeAnswer>,
  readOnly = false,
  computed = null as ReturnType<typeof ratio> | null,
) => {
  await i18n.changeLanguage('id');
  const item = TEMPLATE.itemByCode.get(code);
  if (!item) throw new Error(code);
  const onChange = vi.fn();
  render(
    <AppProviders client={createQueryClient()} env="test">
      <AnswerControl
        item={item}
        valueOf={(c) => values[c] ?? null}
        onChange={onChange}
        readOnly={readOnly}
        computed={computed}
      />
    </AppProviders>,
  );
  return { item, onChange };
};

describe('AnswerControl', () => {
  it('shows an option item as radios labelled with the option texts, and answers with the key', async () => {
    const { item, onChange } = await renderControl('R1.ii.a', {});
    if (item.type === 'ratio' || item.type === 'index_0_4') throw new Error('option item expected');
    for (const o of item.options) expect(screen.getByRole('radio', { name: o.text })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: item.options[1]?.text ?? '' }));
    expect(onChange).toHaveBeenCalledWith('R1.ii.a', 'B');
  });

  it('marks the chosen option and offers to clear it', async () => {
    const { onChange } = await renderControl('P1.i.a', { 'P1.i.a': 'Tidak' });
    expect((screen.getByRole('radio', { name: 'Tidak' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Kosongkan jawaban' }));
    expect(onChange).toHaveBeenCalledWith('P1.i.a', null);
  });

  it('shows a ratio item as one count per input with the computed percentage', async () => {
    const { onChange } = await renderControl('R1.i.a', { 'R1.i.a.1': 4, 'R1.i.a.2': 3 }, false, ratio(3, 4));
    const agents = screen.getByLabelText('Jumlah Agen Perubahan') as HTMLInputElement;
    expect(agents.value).toBe('4');
    expect(screen.getByText('75,00 %')).toBeTruthy();
    fireEvent.change(agents, { target: { value: '6' } });
    expect(onChange).toHaveBeenCalledWith('R1.i.a.1', 6);
  });

  it('shows a survey index as a number 0–4', async () => {
    await renderControl('H1.a', { 'H1.a': 3.6 }, false, ratio(9, 10));
    const input = screen.getByLabelText('Nilai indeks (0–4)') as HTMLInputElement;
    expect(input.value).toBe('3,6');
    expect(screen.getByText('90,00 %')).toBeTruthy();
  });

  it('is read-only when told so', async () => {
    const { onChange } = await renderControl('P1.i.a', { 'P1.i.a': 'Ya' }, true);
    fireEvent.click(screen.getByRole('radio', { name: 'Tidak' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Kosongkan jawaban' })).toBeNull();
  });
});
