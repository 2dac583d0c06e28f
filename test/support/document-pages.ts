import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Where the page images of the documents tests render are kept (test artefacts, like the e2e screenshots). */
export const DOCUMENT_ARTEFACTS = join(process.cwd(), 'test-results', 'documents');

export type RenderedDocument = { pages: number; text: string; images: string[] };

/**
 * Renders a PDF to one PNG per page with poppler's pdftoppm (Debian poppler-utils) and reads its text with
 * pdftotext in layout mode, as a reader sees the page. The images stay in test-results/documents/<name>-N.png.
 */
export const renderPages = (pdf: Buffer, name: string): RenderedDocument => {
  const dir = mkdtempSync(join(tmpdir(), 'pulau-doc-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    mkdirSync(DOCUMENT_ARTEFACTS, { recursive: true });
    const prefix = join(DOCUMENT_ARTEFACTS, name);
    for (const old of readdirSync(DOCUMENT_ARTEFACTS))
      if (old.startsWith(`${name}-`)) rmSync(join(DOCUMENT_ARTEFACTS, old));
    execFileSync('pdftoppm', ['-png', '-r', '60', file, prefix]);
    const images = readdirSync(DOCUMENT_ARTEFACTS)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
      .map((f) => join(DOCUMENT_ARTEFACTS, f));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return { pages: images.length, text, images };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_TIME = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/;
/** An internal code: lower-case words joined by underscores (`tpi_verdict_meets`, `team_lead`). */
const SNAKE_CODE = /\b[a-z]+_[a-z_]+\b/;
/** A decimal point inside a figure ("3.21", "0.5"); a thousands dot ("1.234") is not one. */
const DECIMAL_POINT = /(?<![\d.])\d+\.\d{1,2}(?![\d.])|\d\.\d{4,}/;

/**
 * What every document of Pulau must show and must not: the required parts (letterhead, title, signature
 * block, "Halaman x dari y" on each page) and no UUID, ISO date or time, internal code or decimal point in a
 * figure. Lines naming the verification link and data fingerprint are skipped for the code checks (a hash is
 * hex, not a figure). Returns the rendered pages.
 */
export const expectOfficialDocument = (
  pdf: Buffer,
  name: string,
  required: readonly string[],
): RenderedDocument => {
  const doc = renderPages(pdf, name);
  const flat = doc.text.replace(/\s+/g, ' ');
  for (const part of required) expect(flat, `${name}: ${part}`).toContain(part);
  for (let page = 1; page <= doc.pages; page++)
    expect(flat, `${name}: page number`).toContain(`Halaman ${page} dari ${doc.pages}`);
  const lines = doc.text
    .split('\n')
    .filter((l) => !/SHA-256|verifikasi\/|https?:\/\//.test(l) && !/[0-9a-f]{32}/.test(l));
  // A clock time with its zone ("14.05 WIB") is how Indonesian writes times, not a decimal point.
  for (const line of lines.map((l) => l.replace(/\b\d{2}\.\d{2} (WIB|WITA|WIT)\b/g, 'HH MM $1'))) {
    expect(line, `${name}: UUID`).not.toMatch(UUID);
    expect(line, `${name}: ISO date/time`).not.toMatch(ISO_TIME);
    expect(line, `${name}: internal code`).not.toMatch(SNAKE_CODE);
    expect(line, `${name}: decimal point`).not.toMatch(DECIMAL_POINT);
  }
  return doc;
};
