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
    );
    expect(problems.map((p) => `${p.line}:${p.field}`)).toEqual([
      '3:name',
      '4:nip',
      '5:nip',
      '6:nip',
      '7:email',
    ]);
    expect(rows.map((r) => r.row.name)).toEqual(['Andi', 'Fajar']);
    expect(rows[1]?.row.email).toBe('fajar@kpu.go.id');
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
