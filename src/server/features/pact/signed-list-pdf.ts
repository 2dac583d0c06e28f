import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatCountId, formatDateTimeId } from '../../render/format.ts';
import type { FilingStamp } from '../../documents/file-document.ts';
import { officialDocument, ruledTable, th } from '../../documents/kit/official-document.ts';
import type { SignedListData } from './signed-list-data.ts';

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
    formatDateTimeId(new Date(s.signedAt), data.look.timeZone),
    VIA[s.via],
  ]);
  const zone = data.look.timeZone;
  const body: Content[] = [
    data.signers.length === 0
      ? { text: 'Belum ada pegawai yang menandatangani versi ini.', italics: true }
      : {
          ...ruledTable(
            ['auto', '*', 'auto', '*', 'auto', 'auto'],
            [[th('No'), th('Nama'), th('NIP'), th('Jabatan'), th('Waktu'), th('Cara')], ...rows],
          ),
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
  ];
  return officialDocument({
    look: data.look,
    title: ['DAFTAR PENANDATANGAN PAKTA INTEGRITAS'],
    facts: [
      ['Unit kerja', data.unitName],
      ['Versi pakta', data.version === null ? '–' : String(data.version)],
      ['SHA-256 teks pakta', data.sha256 ?? '–'],
      [
        'Jumlah penandatangan',
        `${formatCountId(data.signers.length)} dari ${formatCountId(data.activeTotal)} pegawai aktif`,
      ],
      ['Keadaan per', formatDateTimeId(printedAt, zone)],
    ],
    body,
    date: printedAt,
    acknowledgement: { opening: 'Mengetahui,', position: data.look.leaderPosition, signer: data.leader },
    stamp: stamp ?? null,
    shortTitle: `Daftar penandatangan pakta integritas ${data.unitName}`,
  });
};
