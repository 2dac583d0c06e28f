import { describe, expect, it } from 'vitest';
import { checkEmployeeRows, defaultPactText, fieldOfHeader, normaliseNip, signedPercent } from './pact.ts';

describe('employee rows', () => {
  it('normalises NIPs written with spaces or dots; blank is none', () => {
    expect(normaliseNip('19850101 201001 1 001')).toBe('198501012010011001');
    expect(normaliseNip('1985.0101.2010.01.1.001')).toBe('198501012010011001');
    expect(normaliseNip('  ')).toBeNull();
  });

  it('maps Indonesian and English headers', () => {
    expect(fieldOfHeader(' Nama ')).toBe('name');
    expect(fieldOfHeader('JABATAN')).toBe('position');
    expect(fieldOfHeader('Pangkat/Golongan')).toBe('grade');
    expect(fieldOfHeader('keterangan')).toBeUndefined();
  });

  it('reports every problem at once and keeps only clean rows', () => {
    const { rows, problems } = checkEmployeeRows(
      [
        { line: 2, cells: { name: 'Andi', nip: '198501012010011001' } },
        { line: 3, cells: { name: '', nip: '' } },
        { line: 4, cells: { name: 'Badu', nip: '1985' } },
        { line: 5, cells: { name: 'Cici', nip: '198501012010011001' } },
        { line: 6, cells: { name: 'Dedi', nip: '199001012015011001' } },
        { line: 7, cells: { name: 'Eka', email: 'x@' } },
        { line: 8, cells: { name: 'Fajar', email: 'Fajar@KPU.go.id' } },
      ],
      new Set(['199001012015011001']),
      { name: 'A', nip: 'B', email: 'E' },
    );
    expect(problems.map((p) => `${p.line}:${p.column}:${p.code}:${p.value ?? ''}`)).toEqual([
      '3:A:NAME_REQUIRED:',
      '4:B:NIP_DIGITS:1985',
      '5:B:NIP_DUPLICATE:2',
      '6:B:NIP_ON_LIST:199001012015011001',
      '7:E:EMAIL_INVALID:x@',
    ]);
    expect(rows.map((r) => r.row.name)).toEqual(['Andi', 'Fajar']);
    expect(rows[1]?.row.email).toBe('fajar@kpu.go.id');
  });

  it('names a NIP that Excel turned into a number instead of taking wrong digits', () => {
    const { problems } = checkEmployeeRows(
      [{ line: 2, cells: { name: 'Andi', nip: '1,98501E+17' } }],
      new Set(),
    );
    expect(problems).toMatchObject([{ line: 2, field: 'nip', code: 'NIP_AS_NUMBER', value: '1,98501E+17' }]);
  });
});

describe('pact', () => {
  it('rounds the percentage down and treats an empty list as 0 %', () => {
    expect(signedPercent(412, 430)).toBe(95);
    expect(signedPercent(429, 430)).toBe(99);
    expect(signedPercent(0, 0)).toBe(0);
    expect(signedPercent(3, 3)).toBe(100);
  });

  it('names the unit in the default text', () => {
    const text = defaultPactText('KPU Kabupaten Sumenep');
    expect(text.startsWith('PAKTA INTEGRITAS')).toBe(true);
    expect(text.match(/KPU Kabupaten Sumenep/g)).toHaveLength(2);
  });
});
