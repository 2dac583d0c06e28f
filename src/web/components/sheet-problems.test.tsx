// @vitest-environment happy-dom
import '../test-setup.ts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../test-render.tsx';
import { SheetProblems } from './sheet-problems.tsx';

describe('SheetProblems', () => {
  it('names row and column in Indonesian and says what is wrong by code, never the developer text', async () => {
    await renderPage(
      <SheetProblems
        problems={[
          {
            line: 2,
            field: 'nip',
            column: 'C',
            code: 'NIP_DIGITS',
            value: '1985',
            message: 'NIP must have 18',
          },
          { line: 1, field: 'header', column: null, code: 'NAME_COLUMN_MISSING', message: 'a column' },
          { line: 0, field: 'file', column: null, code: 'SOMETHING_NEW', message: 'raw English' },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Masalah di berkas' });
    expect(table.textContent).toContain('Baris 2, kolom C');
    expect(table.textContent).toContain('NIP harus 18 angka; tertulis "1985".');
    expect(table.textContent).toContain('Baris 1 (baris judul)');
    expect(table.textContent).toContain('Seluruh berkas');
    expect(table.textContent).toContain('Isi sel ini tidak dapat dibaca.');
    expect(table.textContent).not.toMatch(/NIP must|raw English|SOMETHING_NEW/);
  });
});
