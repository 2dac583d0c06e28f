import { describe, expect, it } from 'vitest';
import { decodeCsv } from './decode-csv.ts';

describe('decoding a CSV file', () => {
  it('reads UTF-8, and Windows-1252 as Excel writes a plain CSV', () => {
    expect(decodeCsv(new TextEncoder().encode('nama;jabatan\nRené;Staf'))).toBe('nama;jabatan\nRené;Staf');
    expect(decodeCsv(Uint8Array.from([0x52, 0x65, 0x6e, 0xe9, 0x3b, 0x41]))).toBe('René;A');
  });
});
