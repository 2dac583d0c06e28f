// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../../test-render.tsx';
import { ReturnedItems } from './returned-items.tsx';

describe('ReturnedItems', () => {
  it('lists each returned item with its note and state, in code order, each opening its item', async () => {
    const onItem = vi.fn();
    await renderPage(
      <ReturnedItems
        itemReviews={{
          'P2.i.a': { status: 'awaiting_recheck', returnNote: 'SOP belum lengkap', revisions: 1 },
          'P1.i.b': { status: 'returned', returnNote: 'Lampirkan SK', revisions: 0 },
          'P10.i.a': { status: 'returned', returnNote: 'Data survei', revisions: 0 },
        }}
        current="P10.i.a"
        onItem={onItem}
      />,
    );
    const box = screen.getByRole('region', { name: 'Butir yang dikembalikan evaluator' });
    expect(within(box).getByText('2 dari 3 butir masih menunggu perbaikan unit.')).toBeTruthy();
    const rows = within(box).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      'P1.i.bDikembalikan ke unitLampirkan SK',
      'P2.i.aMenunggu pemeriksaan ulangSOP belum lengkap',
      'P10.i.aDikembalikan ke unit(sedang dibuka)',
    ]);
    fireEvent.click(within(box).getByRole('button', { name: 'Buka butir P2.i.a' }));
    expect(onItem).toHaveBeenCalledWith('P2.i.a');
  });

  it('shows nothing while no item is marked', async () => {
    await renderPage(<ReturnedItems itemReviews={{}} onItem={() => undefined} />);
    expect(screen.queryByRole('region')).toBeNull();
  });
});
