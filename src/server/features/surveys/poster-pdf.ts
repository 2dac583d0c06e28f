import QRCode from 'qrcode';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { SURVEY_TITLES } from './report-data.ts';
import type { Questionnaire } from '../../../core/survey/questionnaire-schema.ts';

export type PosterInput = {
  unitName: string;
  serviceName: string;
  kind: Questionnaire['kind'];
  periodLabel: string;
  link: string;
};

/** A printable A4 poster for a service counter: invitation, the QR code of the counter's link, the link. */
export const posterDocument = async (p: PosterInput): Promise<TDocumentDefinitions> => {
  const qr = await QRCode.toDataURL(p.link, { errorCorrectionLevel: 'M', margin: 2, width: 900 });
  return {
    info: { title: `Poster survei — ${p.unitName} — ${p.serviceName}`, creator: 'Pulau', producer: 'Pulau' },
    language: 'id-ID',
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    content: [
      { text: p.unitName, fontSize: 16, bold: true, alignment: 'center', color: '#1F3A5F' },
      {
        text: [{ text: 'Layanan: ' }, { text: p.serviceName, bold: true }],
        fontSize: 16,
        alignment: 'center',
        margin: [0, 6, 0, 36],
      },
      {
        text: 'Bantu kami melayani lebih baik',
        fontSize: 30,
        bold: true,
        alignment: 'center',
        color: '#1F3A5F',
      },
      {
        text: `Isi ${SURVEY_TITLES[p.kind].title} setelah layanan Anda selesai.`,
        fontSize: 13,
        alignment: 'center',
        margin: [0, 8, 0, 18],
      },
      { image: qr, width: 340, alignment: 'center' },
      {
        text: 'Pindai kode QR ini dengan kamera ponsel Anda',
        fontSize: 16,
        bold: true,
        alignment: 'center',
        margin: [0, 14, 0, 16],
      },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 'auto',
            ul: [
              'Tanpa nama, tanpa nomor telepon: jawaban Anda anonim.',
              'Hanya sekitar 3 menit.',
              'Hasil survei diumumkan untuk perbaikan layanan.',
            ],
            fontSize: 14,
            lineHeight: 1.35,
          },
          { width: '*', text: '' },
        ],
      },
      {
        text: 'Atau buka tautan:',
        fontSize: 11,
        alignment: 'center',
        color: '#555555',
        margin: [0, 30, 0, 2],
      },
      { text: p.link, fontSize: 12, alignment: 'center', color: '#1F3A5F' },
      {
        text: `Periode survei: ${p.periodLabel}. Terima kasih atas partisipasi Anda.`,
        fontSize: 9,
        alignment: 'center',
        color: '#555555',
        margin: [0, 40, 0, 0],
      },
    ],
  };
};
