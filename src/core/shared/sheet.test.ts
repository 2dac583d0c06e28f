import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnLetter, detectDelimiter, isScientificNumber, parseDecimal, readDelimited } from './sheet.ts';

const rowsOf = (text: string) => {
  const read = readDelimited(text);
  if (!read.ok) throw new Error(read.problem.code);
  return read.table.rows;
};

describe('reading CSV as Excel saves it', () => {
  it('an Indonesian-locale file: `;`, BOM, CRLF, a comma inside a job title, decimal commas', () => {
    const text =
      '\uFEFFnama;nip;jabatan;nilai\r\n' +
      'Andi;198501012010011001;Kepala Subbagian Umum, Keuangan dan Logistik;14,61\r\n' +
      'Siti;;"Staf; Pelaksana ""Senior""";3,5\r\n';
    const read = readDelimited(text);
    expect(read.ok && read.table.delimiter).toBe(';');
    expect(rowsOf(text)).toEqual([
      { line: 1, cells: ['nama', 'nip', 'jabatan', 'nilai'] },
      {
        line: 2,
        cells: ['Andi', '198501012010011001', 'Kepala Subbagian Umum, Keuangan dan Logistik', '14,61'],
      },
      { line: 3, cells: ['Siti', '', 'Staf; Pelaksana "Senior"', '3,5'] },
    ]);
  });

  it('an English-locale file: `,` with a quoted comma; the separator comes from the header alone', () => {
    expect(rowsOf('name,position\nBudi,"Kepala Seksi, Teknis"\nCici;x,y\n')).toEqual([
      { line: 1, cells: ['name', 'position'] },
      { line: 2, cells: ['Budi', 'Kepala Seksi, Teknis'] },
      { line: 3, cells: ['Cici;x', 'y'] },
    ]);
  });

  it('keeps Excel row numbers: blank rows are skipped but counted, a quoted line break stays in its cell', () => {
    expect(rowsOf('a;b\n;\n"x\r\ny";z\n\nlast;1')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['x\r\ny', 'z'] },
      { line: 5, cells: ['last', '1'] },
    ]);
  });

  it('an unclosed quote names its row and column', () => {
    const read = readDelimited('a;b;c\n1;2;"open\n3;4;5\n');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatchObject({ line: 2, column: 'C', code: 'UNCLOSED_QUOTE' });
  });

  it('detects the separator from the header outside quotes; a single column is `;`', () => {
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
    expect(detectDelimiter('a,b,"c;d"')).toBe(',');
    expect(detectDelimiter('nama')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('round-trips any table written with quotes, whichever separator', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', 'é') });
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';'),
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (sep, body) => {
          const width = body[0]?.length ?? 2;
          const table = body.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
          const header = Array.from({ length: width }, (_, i) => `k${i}`);
          const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
          const text = [header, ...table].map((r) => r.map(quote).join(sep)).join('\r\n');
          const expected = table.filter((r) => r.some((c) => c.trim() !== ''));
          expect(
            rowsOf(text)
              .slice(1)
              .map((r) => r.cells),
          ).toEqual(expected);
        },
      ),
    );
  });
});

describe('numbers and columns', () => {
  it('reads decimal commas and dots, with thousands groups', () => {
    expect(parseDecimal('14,61')).toBe(14.61);
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal('1.234')).toBe(1234);
    expect(parseDecimal('14.61')).toBe(14.61);
    expect(parseDecimal('14.61', '.')).toBe(14.61);
    expect(parseDecimal('1,234.5', '.')).toBe(1234.5);
    expect(parseDecimal('-0,5')).toBe(-0.5);
    expect(parseDecimal('1.23,4')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('recognises a NIP that Excel saved as a number', () => {
    expect(isScientificNumber('1,98501E+17')).toBe(true);
    expect(isScientificNumber('1.98501012010011e+17')).toBe(true);
    expect(isScientificNumber('198501012010011001')).toBe(false);
  });
});
