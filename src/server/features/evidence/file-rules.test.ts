import { describe, expect, it } from 'vitest';
import { parseRange } from './byte-range.ts';
import { contentDisposition } from './content-disposition.ts';
import { safeFileName } from './file-name.ts';
import { decideFileType, mayShowInline } from './file-policy.ts';
import { areaOfCode } from './item-link-rules.ts';

describe('safeFileName', () => {
  it('keeps the base name and drops control and bidi characters', () => {
    expect(safeFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\ani\\SK Tim.pdf')).toBe('SK Tim.pdf');
    expect(safeFileName('laporan\u0000\u202egpj.exe')).toBe('laporangpj.exe');
    expect(safeFileName('  ')).toBeNull();
    expect(safeFileName('../')).toBeNull();
    expect(safeFileName('..')).toBeNull();
    expect(safeFileName(`${'a'.repeat(400)}.pdf`)).toHaveLength(255);
  });
});

describe('decideFileType', () => {
  it('accepts a name that agrees with the bytes, with the canonical type', () => {
    expect(decideFileType('a.pdf', { kind: 'binary', ext: 'pdf', mime: 'application/pdf' })).toEqual({
      ok: true,
      mime: 'application/pdf',
    });
    expect(decideFileType('a.xls', { kind: 'binary', ext: 'cfb', mime: 'application/x-cfb' })).toEqual({
      ok: true,
      mime: 'application/vnd.ms-excel',
    });
    expect(decideFileType('a.csv', { kind: 'text' })).toEqual({ ok: true, mime: 'text/csv' });
  });

  it('refuses a lying extension, markup, and unknown types', () => {
    const code = (name: string, sniffed: Parameters<typeof decideFileType>[1]) => {
      const d = decideFileType(name, sniffed);
      return d.ok ? 'ok' : d.refusal.code;
    };
    expect(code('a.pdf', { kind: 'binary', ext: 'exe', mime: 'application/x-msdownload' })).toBe(
      'FILE_EXTENSION_MISMATCH',
    );
    expect(code('a.pdf', { kind: 'text' })).toBe('FILE_EXTENSION_MISMATCH');
    expect(code('a.txt', { kind: 'markup' })).toBe('UNSUPPORTED_FILE_TYPE');
    expect(code('a.png', { kind: 'binary', ext: 'xml', mime: 'application/xml' })).toBe(
      'UNSUPPORTED_FILE_TYPE',
    );
    expect(code('a.svg', { kind: 'text' })).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('shows inline only PDF, raster images and video', () => {
    expect(['application/pdf', 'image/png', 'video/mp4', 'video/quicktime'].every(mayShowInline)).toBe(true);
    expect(['image/svg+xml', 'text/html', 'text/csv', 'application/msword'].some(mayShowInline)).toBe(false);
  });
});

describe('parseRange', () => {
  it('reads the three forms and refuses what lies past the end', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange(undefined, 1000)).toBeNull();
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 6266)', () => {
    expect(contentDisposition('attachment', 'Laporan "akhir" 100%.pdf')).toBe(
      `attachment; filename="Laporan _akhir_ 100_.pdf"; filename*=UTF-8''Laporan%20%22akhir%22%20100%25.pdf`,
    );
    expect(contentDisposition('inline', 'Rapat ½.mp4')).toBe(
      `inline; filename="Rapat _.mp4"; filename*=UTF-8''Rapat%20%C2%BD.mp4`,
    );
  });
});

describe('areaOfCode', () => {
  it('is the number after P or R, null for Hasil', () => {
    expect(areaOfCode('P3.ii.a')).toBe(3);
    expect(areaOfCode('R5.iii.a.1.2')).toBe(5);
    expect(areaOfCode('H1.a')).toBeNull();
    expect(areaOfCode('P9.i')).toBeUndefined();
    expect(areaOfCode('x')).toBeUndefined();
  });
});
