// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, apiError, mockFetch, renderPage } from '../../../test-render.tsx';
import { ImportPanel } from './import-panel.tsx';

const UNIT = '10000000-0000-4000-8000-000000000001';

describe('ImportPanel', () => {
  it('lists every problem of a refused file by row and column, in Indonesian', async () => {
    const calls = mockFetch((method, url) =>
      method === 'POST' && url === `/api/units/${UNIT}/employees/import`
        ? apiError(400, 'IMPORT_INVALID', [
            { line: 3, field: 'name', column: 'A', code: 'NAME_REQUIRED', message: 'name is required' },
            {
              line: 4,
              field: 'nip',
              column: 'B',
              code: 'NIP_DIGITS',
              value: '12345',
              message: 'NIP must have 18 digits (got "12345")',
            },
          ])
        : undefined,
    );
    const { container } = await renderPage(<ImportPanel unitId={UNIT} onDone={() => {}} />, {
      me: adminMe(),
    });
    const input = container.ownerDocument.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['nama;nip\nAndi;\n;1\nBadu;12345\n'], 'pegawai.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Impor' }, { timeout: 5000 }));
    const table = await screen.findByRole('table', { name: 'Masalah di berkas' }, { timeout: 5000 });
    expect(table.textContent).toContain('Baris 3, kolom ANama wajib diisi.');
    expect(table.textContent).toContain('Baris 4, kolom BNIP harus 18 angka; tertulis "12345".');
    expect(table.textContent).not.toContain('NIP must');
    expect(
      screen.getByText('2 masalah di berkas; tidak ada yang diimpor. Perbaiki lalu kirim lagi.'),
    ).toBeTruthy();
    await waitFor(() =>
      expect(calls[0]?.body).toEqual({ format: 'csv', content: 'nama;nip\nAndi;\n;1\nBadu;12345\n' }),
    );
  });
});
