import { describe, expect, it } from 'vitest';
import { checkUnitsCsv, parseCsv } from './csv.ts';

describe('units CSV check', () => {
  it('parses quotes, CRLF and the semicolons of Excel in Indonesian', () => {
    expect(parseCsv('a;b\r\n"x;1";"say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x;1', 'say "hi"'],
    ]);
  });

  it('reports problems by line and column', () => {
    const csv = [
      'code,name,type,parent_code,region,is_public_service,afirmasi',
      'JTM,KPU Jawa Timur,provinsi,,Jawa Timur,ya,tidak',
      'JTM,Duplikat,provinsi,,,,',
      'bad code,,kota,NOPE,,mungkin,',
      'SMP,KPU Sumenep,kabupaten_kota,JTM,,1,0',
    ].join('\n');
    const result = checkUnitsCsv(csv, new Set(['kpu']));
    expect(result.rows).toBe(4);
    expect(result.problems.map((p) => [p.line, p.column, p.key])).toEqual([
      [3, 'code', 'units.import.duplicateCode'],
      [4, 'code', 'errors.UNIT_CODE_INVALID'],
      [4, 'name', 'errors.REQUIRED'],
      [4, 'type', 'units.import.badType'],
      [4, 'is_public_service', 'units.import.badBoolean'],
      [4, 'parent_code', 'units.import.unknownParent'],
    ]);
  });

  it('refuses a file without the required columns', () => {
    expect(checkUnitsCsv('kode,nama\nA,B', new Set()).problems.map((p) => p.column)).toEqual([
      'code',
      'name',
      'type',
    ]);
  });
});
