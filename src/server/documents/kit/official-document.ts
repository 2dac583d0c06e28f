import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateInZone } from '../../render/format.ts';
import type { FilingStamp } from '../file-document.ts';
import { verificationLink } from '../verification-link.ts';
import type { DocumentLook } from './document-look.ts';
import type { Signer } from './signers.ts';

/** One signature block: who signs in which position, under an optional opening ("Mengetahui,"). */
export type SignatureBlock = { opening?: string; position: string; signer: Signer };

export type OfficialDocumentSpec = {
  look: DocumentLook;
  /** The title in capitals, one line per entry. */
  title: string[];
  /** The document's number, where it has one. */
  number?: string | null;
  /** Label and value rows under the title: the unit, the period and what else identifies the document. */
  facts: [string, string][];
  body: Content[];
  /** The date the document is signed (printed as "Sumenep, 7 Desember 2026"). */
  date: Date;
  /** The signer on the right; the acknowledging superior ("Mengetahui") on the left. */
  signature?: SignatureBlock;
  acknowledgement?: SignatureBlock;
  /** Printed on filed copies: the data's fingerprint and the verification code, link and QR. */
  stamp?: (FilingStamp & { origin: string }) | null;
  /** A working copy, not yet final: marked as such on every page. */
  draft?: boolean;
  orientation?: 'portrait' | 'landscape';
  fontSize?: number;
  /** The short name in the footer and the file's metadata. */
  shortTitle: string;
  subject?: string;
};

const MUTED = '#555555';
export const HEAD_FILL = '#E8EEF4';

/** A table header cell. */
export const th = (text: string): TableCell => ({ text, bold: true, fillColor: HEAD_FILL });
/** A right-aligned figure. */
export const num = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
  text,
  alignment: 'right',
  ...extra,
});

/**
 * A ruled table whose header row repeats on every page and never stays alone at a page foot, and whose rows
 * are never split.
 */
export const ruledTable = (
  widths: (string | number)[],
  body: TableCell[][],
  headerRows = 1,
): ContentTable => ({
  table: { headerRows, keepWithHeaderRows: headerRows > 0 ? 1 : 0, widths, body, dontBreakRows: true },
  layout: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#99A5B1',
    vLineColor: () => '#99A5B1',
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
  margin: [0, 4, 0, 8],
});

/** A section heading: kept with what follows it (never the last line of a page). */
export const heading = (text: string): Content => ({ text, style: 'h2', headlineLevel: 1 });

const dots = '.'.repeat(40);

const signatureStack = (block: SignatureBlock, placeDate: string | null): Content => ({
  stack: [
    ...(placeDate ? [{ text: placeDate }] : [{ text: ' ' }]),
    ...(block.opening ? [{ text: block.opening }] : []),
    { text: `${block.position},` },
    { text: ' ', margin: [0, 0, 0, 44] },
    block.signer.name
      ? { text: block.signer.name, bold: true, decoration: 'underline' }
      : { text: `(${dots})` },
    { text: `NIP. ${block.signer.nip ?? (block.signer.name ? '–' : dots)}` },
  ],
  alignment: 'left',
});

/**
 * The signature area as the official correspondence rules (tata naskah dinas) place it: the signer on the
 * right under the place and date, the acknowledging superior ("Mengetahui,") on the left; name, then NIP.
 */
const signatureArea = (spec: OfficialDocumentSpec): Content | null => {
  if (!spec.signature && !spec.acknowledgement) return null;
  const placeDate = `${spec.look.place}, ${formatDateInZone(spec.date, spec.look.timeZone)}`;
  return {
    columns: [
      { width: '*', stack: spec.acknowledgement ? [signatureStack(spec.acknowledgement, null)] : [] },
      { width: 40, text: '' },
      {
        width: '*',
        stack: spec.signature ? [signatureStack(spec.signature, placeDate)] : [{ text: placeDate }],
      },
    ],
    margin: [0, 18, 0, 0],
    unbreakable: true,
  };
};

const letterhead = (look: DocumentLook, width: number): Content => ({
  stack: [
    {
      columns: [
        look.logo ? { image: look.logo, fit: [56, 56], width: 60 } : { width: 0, text: '' },
        {
          width: '*',
          stack: [
            ...look.letterhead.map((line, i) => ({ text: line, bold: true, fontSize: i === 0 ? 13 : 12 })),
            ...(look.address ? [{ text: look.address, fontSize: 8 }] : []),
          ],
          alignment: 'center',
        },
        look.logo ? { width: 60, text: '' } : { width: 0, text: '' },
      ],
    },
    {
      canvas: [
        { type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 2 },
        { type: 'line', x1: 0, y1: 7, x2: width, y2: 7, lineWidth: 0.5 },
      ],
      margin: [0, 0, 0, 10],
    },
  ],
});

/** The filed copy's seal: QR and link to the verification page, the code and the data's fingerprint. */
export const stampBlock = (stamp: FilingStamp & { origin: string }): Content => {
  const link = verificationLink(stamp.origin, stamp.code);
  return {
    columns: [
      { qr: link, fit: 72, width: 80 },
      {
        width: '*',
        stack: [
          { text: 'Keaslian dokumen', bold: true },
          'Dokumen ini diarsipkan oleh Pulau saat disahkan. Cocokkan berkas yang Anda terima di',
          { text: link, link, color: '#1A4F8B' },
          `Kode verifikasi: ${stamp.code}`,
          { text: `Sidik data (SHA-256): ${stamp.dataSha256}`, fontSize: 6.5 },
        ],
        fontSize: 8,
      },
    ],
    columnGap: 8,
    color: '#333333',
    margin: [0, 14, 0, 0],
    unbreakable: true,
  };
};

/**
 * A document as an Indonesian office files it: the letterhead, the title (and number), the unit and period,
 * the body, the place and date with the signature blocks, "Halaman x dari y" on every page, and on a filed
 * copy the verification seal. Headings move to the next page rather than end one.
 */
export const officialDocument = (spec: OfficialDocumentSpec): TDocumentDefinitions => {
  const landscape = spec.orientation === 'landscape';
  const margin = 42;
  const content: Content[] = [
    letterhead(spec.look, (landscape ? 842 : 595) - 2 * margin),
    ...spec.title.map((line): Content => ({ text: line, style: 'title' })),
    ...(spec.number ? [{ text: `Nomor: ${spec.number}`, alignment: 'center' as const }] : []),
    {
      table: {
        widths: [130, '*'],
        body: spec.facts.map(([label, value]): TableCell[] => [{ text: label, bold: true }, value]),
      },
      layout: 'noBorders',
      margin: [0, 8, 0, 6],
    },
    ...spec.body,
  ];
  const signatures = signatureArea(spec);
  if (signatures) content.push(signatures);
  if (spec.stamp) content.push(stampBlock(spec.stamp));
  return {
    pageSize: 'A4',
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: [margin, margin, margin, 48],
    info: {
      title: spec.shortTitle,
      subject: spec.subject ?? spec.shortTitle,
      author: spec.look.unit.name,
      creator: 'Pulau',
      producer: 'Pulau',
    },
    defaultStyle: { fontSize: spec.fontSize ?? 10 },
    styles: {
      title: { fontSize: 13, bold: true, alignment: 'center' },
      h2: { fontSize: (spec.fontSize ?? 10) + 1.5, bold: true, margin: [0, 10, 0, 3] },
    },
    ...(spec.draft ? { watermark: { text: 'DRAF', color: '#B3261E', opacity: 0.12, bold: true } } : {}),
    content,
    // A heading at a page's foot goes to the next page with the content it introduces.
    pageBreakBefore: (node, queries) =>
      node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0,
    footer: (page, pages) => ({
      columns: [
        {
          width: '*',
          text: `${spec.shortTitle}${spec.stamp ? ` · Kode verifikasi ${spec.stamp.code}` : spec.draft ? ' · DRAF' : ''}`,
          fontSize: 7.5,
          color: MUTED,
        },
        {
          width: 110,
          text: `Halaman ${page} dari ${pages}`,
          alignment: 'right',
          fontSize: 7.5,
          color: MUTED,
        },
      ],
      margin: [margin, 16, margin, 0],
    }),
  };
};
