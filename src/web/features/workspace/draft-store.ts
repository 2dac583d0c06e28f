import type { AnswerView, SaveAnswerBody } from '../../../contracts/assessments.ts';
import { isApiError } from '../../lib/api.ts';
import type { SavedAnswer } from './api.ts';

// Every edit of the worksheet goes through here: kept in memory and localStorage until the server has it,
// saved after a pause with the version it was read at, retried when the network fails, and stopped at a 409
// so the person chooses between the saved answer and hers. Nothing is overwritten silently.

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';
export type Draft = { value: AnswerView['value']; explanation: string; personInChargeId: string | null };
export type Warning = { code: string; message: string };
export type Entry = {
  base: AnswerView;
  draft: Draft | null;
  state: SaveState;
  conflict: AnswerView | null;
  error: unknown;
  warnings: Warning[];
};
export type Snapshot = { entries: ReadonlyMap<string, Entry>; overall: SaveState; unsaved: number };

export type Saver = (code: string, body: SaveAnswerBody) => Promise<SavedAnswer>;

export type DraftStoreOptions = {
  assessmentId: string;
  saver: Saver;
  debounceMs?: number;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** First retry after a network failure; doubles up to 30 s. */
  retryMs?: number;
};

export const emptyAnswer = (code: string): AnswerView => ({
  code,
  value: null,
  explanation: '',
  status: 'empty',
  toReview: false,
  personInChargeId: null,
  sourceCampaignId: null,
  version: 0,
  updatedAt: null,
  updatedBy: null,
});

const retriable = (error: unknown) =>
  !isApiError(error) || error.code === 'NETWORK' || error.status >= 500 || error.status === 429;

const rank: Record<SaveState, number> = { saved: 0, dirty: 1, saving: 2, error: 3, conflict: 4 };

export type DraftStore = ReturnType<typeof createDraftStore>;

export const createDraftStore = ({
  assessmentId,
  saver,
  debounceMs = 800,
  storage = typeof localStorage === 'undefined' ? null : localStorage,
  retryMs = 2000,
}: DraftStoreOptions) => {
  const storageKey = `pulau.worksheet.${assessmentId}`;
  const entries = new Map<string, Entry>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const attempts = new Map<string, number>();
  const listeners = new Set<() => void>();
  let snapshot: Snapshot = { entries: new Map(), overall: 'saved', unsaved: 0 };
  let disposed = false;

  const entryOf = (code: string): Entry =>
    entries.get(code) ?? {
      base: emptyAnswer(code),
      draft: null,
      state: 'saved',
      conflict: null,
      error: null,
      warnings: [],
    };

  const persist = () => {
    if (!storage) return;
    const kept: Record<string, { base: AnswerView; draft: Draft }> = {};
    for (const [code, e] of entries) if (e.draft) kept[code] = { base: e.base, draft: e.draft };
    try {
      if (Object.keys(kept).length === 0) storage.removeItem(storageKey);
      else storage.setItem(storageKey, JSON.stringify(kept));
    } catch {
      // storage full or blocked: the edit stays in memory
    }
  };

  const publish = () => {
    let overall: SaveState = 'saved';
    let unsaved = 0;
    for (const e of entries.values()) {
      if (rank[e.state] > rank[overall]) overall = e.state;
      if (e.draft) unsaved += 1;
    }
    snapshot = { entries: new Map(entries), overall, unsaved };
    persist();
    for (const l of listeners) l();
  };

  const set = (code: string, patch: Partial<Entry>) => entries.set(code, { ...entryOf(code), ...patch });

  const schedule = (code: string, delay = debounceMs) => {
    const old = timers.get(code);
    if (old) clearTimeout(old);
    timers.set(
      code,
      setTimeout(() => {
        timers.delete(code);
        void save(code);
      }, delay),
    );
  };

  const save = async (code: string): Promise<void> => {
    const e = entryOf(code);
    if (disposed || !e.draft || e.state === 'saving' || e.state === 'conflict') return;
    const sent = e.draft;
    const body: SaveAnswerBody = {
      version: e.base.version,
      value: sent.value,
      explanation: sent.explanation,
    };
    if (sent.personInChargeId !== e.base.personInChargeId) body.personInChargeId = sent.personInChargeId;
    set(code, { state: 'saving', error: null });
    publish();
    try {
      const result = await saver(code, body);
      attempts.delete(code);
      const now = entryOf(code);
      const unchanged = now.draft === sent;
      set(code, {
        base: result.answer,
        draft: unchanged ? null : now.draft,
        state: unchanged ? 'saved' : 'dirty',
        warnings: result.warnings,
      });
      if (!unchanged) schedule(code);
    } catch (error) {
      if (isApiError(error, 'STALE_WRITE')) {
        const current = (error.details as { current?: AnswerView } | undefined)?.current ?? emptyAnswer(code);
        set(code, { state: 'conflict', conflict: current, error: null });
      } else {
        set(code, { state: 'error', error });
        if (retriable(error)) {
          const n = (attempts.get(code) ?? 0) + 1;
          attempts.set(code, n);
          schedule(code, Math.min(30_000, retryMs * 2 ** (n - 1)));
        }
      }
    }
    publish();
  };

  const onOnline = () => {
    for (const [code, e] of entries) if (e.state === 'error' && e.draft) schedule(code, 0);
  };
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);

  // Edits a previous visit could not save come back, and are sent with the version they were made on.
  if (storage) {
    try {
      const raw = storage.getItem(storageKey);
      const kept = raw ? (JSON.parse(raw) as Record<string, { base: AnswerView; draft: Draft }>) : {};
      for (const [code, k] of Object.entries(kept)) {
        entries.set(code, { ...entryOf(code), base: k.base, draft: k.draft, state: 'dirty' });
        schedule(code, 0);
      }
      if (entries.size > 0) publish();
    } catch {
      storage.removeItem(storageKey);
    }
  }

  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    /** Server answers; a code with an unsaved edit keeps the version that edit was made on. */
    load: (answers: readonly AnswerView[]) => {
      for (const a of answers) {
        const e = entries.get(a.code);
        if (!e || (!e.draft && e.state !== 'saving' && a.version >= e.base.version)) set(a.code, { base: a });
      }
      publish();
    },
    edit: (code: string, patch: Partial<Draft>) => {
      const e = entryOf(code);
      const start: Draft = e.draft ?? {
        value: e.base.value,
        explanation: e.base.explanation,
        personInChargeId: e.base.personInChargeId,
      };
      set(code, {
        draft: { ...start, ...patch },
        state: e.state === 'conflict' || e.state === 'saving' ? e.state : 'dirty',
      });
      publish();
      schedule(code);
    },
    /** Saves every pending edit now (leaving an item, pressing "Simpan sekarang"). */
    flush: () => {
      for (const [code, e] of entries) {
        if (e.draft && (e.state === 'dirty' || e.state === 'error')) {
          const t = timers.get(code);
          if (t) clearTimeout(t);
          void save(code);
        }
      }
    },
    /** After a 409: take the saved answer, or resend hers on top of the current version. */
    resolve: (code: string, choice: 'theirs' | 'mine') => {
      const e = entryOf(code);
      if (!e.conflict) return;
      if (choice === 'theirs') set(code, { base: e.conflict, draft: null, conflict: null, state: 'saved' });
      else set(code, { base: e.conflict, conflict: null, state: 'dirty' });
      publish();
      if (choice === 'mine') void save(code);
    },
    dispose: () => {
      disposed = true;
      for (const t of timers.values()) clearTimeout(t);
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    },
  };
};
