import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);

type PdfMake = {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};

/** The fonts that ship inside pdfmake (Roboto), by absolute path: nothing is fetched, nothing is installed. */
const ROBOTO = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
const FONT_DIR = dirname(ROBOTO.Roboto.normal ?? '');

let printer: PdfMake | null = null;

/**
 * The process's pdfmake printer: bundled Roboto only, no URL is ever fetched (a document must not make the
 * server call out), and no local file other than the bundled fonts may be read. Images come as data URLs.
 */
export const pdfPrinter = (): PdfMake => {
  if (printer) return printer;
  const p = require('pdfmake') as PdfMake;
  p.setFonts({ Roboto: ROBOTO.Roboto });
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((path) => path.startsWith(`${FONT_DIR}/`));
  printer = p;
  return p;
};

export type RenderPdfOptions = {
  /** Off to read the content streams by eye; `extractPdfText` reads compressed output too. */
  compress?: boolean;
};

/** Renders a document definition to the bytes of a PDF (A4 and Roboto unless the definition says otherwise). */
export const renderPdf = (doc: TDocumentDefinitions, options: RenderPdfOptions = {}): Promise<Buffer> =>
  pdfPrinter()
    .createPdf({
      pageSize: 'A4',
      ...doc,
      defaultStyle: { font: 'Roboto', fontSize: 10, ...doc.defaultStyle },
      ...(options.compress === false ? { compress: false } : {}),
    })
    .getBuffer();
