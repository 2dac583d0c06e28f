/**
 * The serialized worksheet content of recently read assessments, kept per process. An entry is served only for
 * the exact version it was stored under, and the caller always brings the version it just read from the
 * database: a write committed by any process changes that version, so a stale entry is never served, only
 * replaced. Least recently used entries go first once the total text exceeds `maxChars`.
 */
export type WorksheetCache = {
  get(assessmentId: string, version: string): string | undefined;
  set(assessmentId: string, version: string, json: string): void;
};

export const createWorksheetCache = ({
  maxChars = 32_000_000,
}: { maxChars?: number } = {}): WorksheetCache => {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, { version: string; json: string }>();
  let total = 0;
  const drop = (id: string) => {
    const old = entries.get(id);
    if (old) {
      total -= old.json.length;
      entries.delete(id);
    }
  };
  return {
    get: (id, version) => {
      const entry = entries.get(id);
      if (!entry || entry.version !== version) return undefined;
      entries.delete(id);
      entries.set(id, entry);
      return entry.json;
    },
    set: (id, version, json) => {
      drop(id);
      if (json.length > maxChars) return;
      entries.set(id, { version, json });
      total += json.length;
      for (const oldest of entries.keys()) {
        if (total <= maxChars) break;
        drop(oldest);
      }
    },
  };
};
