import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateId } from '../../render/format.ts';
import type { FilingStamp } from '../../documents/file-document.ts';
import { stampBlock } from '../../documents/kit/official-document.ts';
import type { SignedListData } from './signed-list-data.ts';

const HEAD_FILL = '#E8EEF4';
const th = (text: string): TableCell => ({ text, bold: true, fillColor: HEAD_FILL });

/** A time in WIB (UTC+7), as a signed list names it: "23 November 2026 14.05 WIB". */
const timeWib = (d: Date): string => {
  const wib = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `${formatDateId(d)} ${wib.slice(11, 13)}.${wib.slice(14, 16)} WIB`;
};

const VIA = { login: 'Akun Pulau', link: 'Tautan sekali pakai' } as const;

/**
 * The signed list of the integrity pact (daftar penandatangan pakta integritas): unit, pact version and its
 * SHA-256, and every recorded signature with NIP, position, time and how it was given. It is LKE evidence
 * for P1.iv.d ("Dokumen pakta integritas").
 */
export const signedListDocument = (
  data: SignedListData,
  printedAt: Date,
  stamp?: FilingStamp & { origin: string },
): TDocumentDefinitions => {
  const rows: TableCell[][] = data.signers.map((s, i) => [
    { text: String(i + 1), alignment: 'right' },
    s.name,
    s.nip ?? '–',
    s.position || '–',
    // A filed list's data went through JSON: its times come back as strings.
    timeWib(new Date(s.signedAt)),
    VIA[s.via],
  ]);
  const content: Content[] = [
    { text: 'DAFTAR PENANDATANGAN PAKTA INTEGRITAS', style: 'title' },
    { text: data.unitName, style: 'subtitle' },
    {
      table: {
        widths: ['auto', '*'],
        body: [
          ['Versi pakta', data.version === null ? '–' : String(data.version)],
          ['SHA-256 teks pakta', { text: data.sha256 ?? '–', fontSize: 8 }],
          ['Jumlah penandatangan', `${data.signers.length} dari ${data.activeTotal} pegawai aktif`],
          ['Dicetak', timeWib(printedAt)],
        ],
      },
      layout: 'noBorders',
      margin: [0, 6, 0, 10],
    },
    data.signers.length === 0
      ? { text: 'Belum ada pegawai yang menandatangani versi ini.', italics: true }
      : {
          table: {
            headerRows: 1,
            widths: ['auto', '*', 'auto', '*', 'auto', 'auto'],
            body: [[th('No'), th('Nama'), th('NIP'), th('Jabatan'), th('Waktu'), th('Cara')], ...rows],
            dontBreakRows: true,
          },
          layout: {
            hLineWidth: () => 0.5,
            vLineWidth: () => 0.5,
            hLineColor: () => '#99A5B1',
            vLineColor: () => '#99A5B1',
          },
          fontSize: 9,
        },
    {
      text:
        'Setiap tanda tangan dicatat oleh Pulau beserta waktu, cara, dan SHA-256 teks pakta yang ditandatangani; ' +
        'teks pakta versi ini dapat dicocokkan dengan nilai hash di atas.',
      fontSize: 8,
      color: '#555555',
      margin: [0, 10, 0, 0],
    },
    ...(stamp ? [stampBlock(stamp)] : []),
  ];
  return {
    info: { title: `Daftar penandatangan pakta integritas — ${data.unitName}` },
    pageMargins: [36, 40, 36, 40],
    content,
    styles: {
      title: { fontSize: 14, bold: true, alignment: 'center' },
      subtitle: { fontSize: 12, alignment: 'center', margin: [0, 2, 0, 0] },
    },
    footer: (page, pages) => ({
      text: `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 10, 0, 0],
    }),
  };
};
