import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tx } from '../db/client.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { writeAudit, type AuditActor } from '../features/audit/write-audit.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { insertFiled, type FiledDocumentRow, type FiledKind } from './filed-documents-repo.ts';
import { verificationCode } from './verification-code.ts';

/** What a frozen document prints about itself: the data's fingerprint and where to check a copy. */
export type FilingStamp = { dataSha256: string; code: string };

export type FileDocumentOptions<T> = {
  kind: FiledKind;
  subjectKey: string;
  unit: { id: string; path: string };
  title: string;
  filename: string;
  /** The data the document is made from, kept as it is now (JSON-serialisable). */
  data: T;
  /** Renders the PDF from the kept data; the stamp goes on it. */
  render: (data: T, stamp: FilingStamp) => Promise<Buffer>;
  blobs: BlobStore;
  actor: AuditActor;
  now: Date;
};

export type FiledDocument = { row: FiledDocumentRow; pdf: Buffer };

/**
 * Freezes a document at the moment it is approved, decided or signed: the data is kept as JSON (a round trip,
 * so the rendering reads exactly what is stored), the PDF rendered from it is stored by its SHA-256, and the
 * audit record carries both hashes. A PDF cannot print its own hash, so it prints the data's hash and the
 * verification code; the file's hash is in the audit record and answered by the verification page.
 */
export const fileDocument = async <T>(tx: Tx, options: FileDocumentOptions<T>): Promise<FiledDocument> => {
  const { kind, subjectKey, unit, title, filename, blobs, actor, now } = options;
  const data = JSON.parse(JSON.stringify(options.data)) as T;
  const dataSha256 = sha256Hex(canonicalJson(data));
  const pdf = await options.render(data, { dataSha256, code: verificationCode(dataSha256) });
  const sha256 = sha256Hex(pdf);
  const dir = await mkdtemp(join(tmpdir(), 'pulau-filed-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    await blobs.put(sha256, file, { contentType: 'application/pdf', move: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const row = await insertFiled(tx, {
    id: crypto.randomUUID(),
    kind,
    subjectKey,
    unitId: unit.id,
    title,
    filename,
    sha256,
    size: pdf.length,
    dataSha256,
    data,
    filedBy: actor.id,
    filedAt: now,
  });
  await writeAudit(tx, {
    actor,
    action: 'document.filed',
    subjectType: 'filed_document',
    subjectId: row.id,
    unit,
    after: { kind, subjectKey, title, filename, sha256, dataSha256, size: pdf.length },
    now,
  });
  return { row, pdf };
};

/** The filed bytes, read back from the blob store. */
export const readFiledPdf = async (blobs: BlobStore, row: FiledDocumentRow): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of (await blobs.createReadStream(row.sha256)) as AsyncIterable<Buffer>)
    chunks.push(chunk);
  return Buffer.concat(chunks);
};
