import type { Content } from 'pdfmake/interfaces.js';
import type { FilingStamp } from './file-document.ts';
import { verificationLink } from './verification-link.ts';

/**
 * The lines that make a filed document checkable: the fingerprint of the data it was made from, the
 * verification code and the public page where a presented file is compared with the filed one.
 */
export const stampContent = (stamp: FilingStamp & { origin: string }): Content => ({
  stack: [
    { text: 'Keaslian dokumen', bold: true },
    {
      text: [
        'Dokumen ini diarsipkan oleh Pulau saat disahkan. Periksa keaslian berkas di ',
        {
          text: verificationLink(stamp.origin, stamp.code),
          link: verificationLink(stamp.origin, stamp.code),
        },
        ` dengan kode verifikasi ${stamp.code}.`,
      ],
    },
    { text: `Sidik data (SHA-256): ${stamp.dataSha256}`, fontSize: 7 },
  ],
  fontSize: 8,
  color: '#333333',
  margin: [0, 10, 0, 0],
  unbreakable: true,
});
