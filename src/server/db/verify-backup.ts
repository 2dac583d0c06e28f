import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { BlobStore } from '../storage/blob-store.ts';
import { FORMAT, FORMAT_VERSION, TABLES } from './backup.ts';

export type BackupCheck = {
  ok: boolean;
  tables: Record<string, number>;
  files: number;
  /** What is wrong, each naming its line: at most 20, then a count. */
  problems: string[];
};

const MAX_PROBLEMS = 20;

/**
 * Reads a backup file without restoring it: the header, every line as JSON of a known table and column, tables
 * in restore order, no row twice (by the table's key), and the closing counts equal to the rows read. With a
 * blob store it also checks that every listed evidence file is there with its size.
 */
export const verifyBackupFile = async (file: string, blobs?: BlobStore): Promise<BackupCheck> => {
  const order = TABLES.map((t) => getTableName(t.table));
  const entries = new Map(TABLES.map((t) => [getTableName(t.table), t]));
  const problems: string[] = [];
  let more = 0;
  const problem = (text: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(text);
    else more++;
  };
  const tables: Record<string, number> = {};
  const seen = new Map<string, Set<string>>();
  let header = false;
  type Closing = { counts?: Record<string, number>; files?: Array<{ sha256: string; size: number }> };
  let closing: Closing | null = null;
  let position = -1;
  let lineNo = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    lineNo++;
    if (!line.trim()) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      problem(`line ${lineNo}: not JSON`);
      continue;
    }
    if (!header) {
      if (record.format !== FORMAT || record.version !== FORMAT_VERSION) {
        problem(`line ${lineNo}: not a Pulau backup of version ${FORMAT_VERSION}`);
        break;
      }
      header = true;
      continue;
    }
    if (closing) {
      problem(`line ${lineNo}: data after the closing line`);
      continue;
    }
    if (record.end === true) {
      closing = record as Closing;
      continue;
    }
    const name = typeof record.t === 'string' ? record.t : '?';
    const entry = entries.get(name);
    const row = record.r as Record<string, unknown> | undefined;
    if (!entry || !row || typeof row !== 'object') {
      problem(`line ${lineNo}: unknown table ${name}`);
      continue;
    }
    const at = order.indexOf(name);
    if (at < position) problem(`line ${lineNo}: ${name} after ${order[position]} (out of restore order)`);
    position = Math.max(position, at);
    const columns = getTableColumns(entry.table);
    const names = new Map<unknown, string>(
      Object.entries(columns).map(([property, column]) => [column, property]),
    );
    for (const key of Object.keys(row)) {
      if (!(key in columns)) problem(`line ${lineNo}: ${name} has no column ${key}`);
    }
    const key = JSON.stringify(entry.order.map((column) => row[names.get(column) ?? '']));
    const keys = seen.get(name) ?? new Set<string>();
    seen.set(name, keys);
    if (keys.has(key)) problem(`line ${lineNo}: ${name} row ${key} appears twice`);
    keys.add(key);
    tables[name] = (tables[name] ?? 0) + 1;
  }
  if (!header && problems.length === 0) problem('the file is empty');
  const files = closing?.files ?? [];
  if (header && !closing) problem('the closing line is missing: the file is cut off');
  if (closing) {
    for (const name of order) {
      const expected = closing.counts?.[name] ?? 0;
      if (expected !== (tables[name] ?? 0))
        problem(`${name}: the closing line counts ${expected} rows, the file holds ${tables[name] ?? 0}`);
    }
  }
  if (blobs) {
    for (const { sha256, size } of files) {
      const found = await blobs.stat(sha256);
      if (!found) problem(`evidence file ${sha256} is not in the blob store`);
      else if (found.size !== size) problem(`evidence file ${sha256} has ${found.size} bytes, not ${size}`);
    }
  }
  if (more > 0) problems.push(`… and ${more} more`);
  return { ok: problems.length === 0, tables, files: files.length, problems };
};
