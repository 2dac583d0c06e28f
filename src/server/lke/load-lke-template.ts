import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import YAML from 'yaml';
import { parseLkeTemplate } from '../../core/lke/parse-lke-template.ts';
import type { LkeTemplate } from '../../core/lke/template-model.ts';
import { err, type DomainError, type Result } from '../../core/shared/result.ts';

/** Where the LKE template files live: `templates/lke/<id>.yaml` at the repository root. */
export const LKE_TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/lke/', import.meta.url));

export type LkeTemplateEntry = { id: string; file: string };

/**
 * The template files on disk, by id (the file name without `.yaml`), sorted.
 * @example await listLkeTemplates() // [{ id: 'permenpanrb-90-2021', file: '/…/templates/lke/permenpanrb-90-2021.yaml' }]
 */
export const listLkeTemplates = async (dir: string = LKE_TEMPLATE_DIR): Promise<LkeTemplateEntry[]> => {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
    .sort()
    .map((n) => ({ id: n.replace(/\.ya?ml$/, ''), file: path.join(dir, n) }));
};

/**
 * Reads one template file (YAML) and hands the parsed data to the core's `parseLkeTemplate`.
 * File and YAML syntax problems come back as `lke_template_unreadable`; content problems as `lke_template_invalid`.
 */
export const readLkeTemplateFile = async (file: string): Promise<Result<LkeTemplate, DomainError>> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return err({ code: 'lke_template_unreadable', message: `cannot read ${file}: ${(e as Error).message}` });
  }
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return err({
      code: 'lke_template_unreadable',
      message: `${file} is not valid YAML:\n${doc.errors.map((e) => e.message).join('\n')}`,
    });
  }
  const parsed = parseLkeTemplate(doc.toJS());
  if (!parsed.ok) return err({ ...parsed.error, message: `${file}: ${parsed.error.message}` });
  return parsed;
};

const cache = new Map<string, Promise<Result<LkeTemplate, DomainError>>>();

/**
 * Loads a template by id from `templates/lke/` (cached per process: templates are versioned files, not live data).
 * @example const t = await loadLkeTemplate('permenpanrb-90-2021'); if (t.ok) scoreAssessment(t.value, answers);
 */
export const loadLkeTemplate = (
  id: string,
  dir: string = LKE_TEMPLATE_DIR,
): Promise<Result<LkeTemplate, DomainError>> => {
  if (!/^[a-z0-9-]+$/.test(id)) {
    return Promise.resolve(
      err({
        code: 'lke_template_not_found',
        message: `"${id}" is not a template id (lower-case letters, digits, dashes)`,
      }),
    );
  }
  const key = `${dir}\u0000${id}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = listLkeTemplates(dir).then((all) => {
      const entry = all.find((e) => e.id === id);
      if (!entry) {
        const known = all.map((e) => e.id).join(', ') || 'none';
        return err({ code: 'lke_template_not_found', message: `no LKE template "${id}" (known: ${known})` });
      }
      return readLkeTemplateFile(entry.file);
    });
    cache.set(key, hit);
  }
  return hit;
};
