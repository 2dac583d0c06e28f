import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import id from './id.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
};

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
  });

describe('locale catalogues', () => {
  const idKeys = flatten(id as Tree);
  const enKeys = flatten(en as Tree);

  it('have exactly the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...idKeys.keys()].sort());
  });

  it('have no empty values', () => {
    for (const [key, text] of [...idKeys, ...enKeys]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of idKeys)
      expect(placeholders(enKeys.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('hold every literal key the source code asks for', () => {
    const missing: string[] = [];
    for (const file of sources(webRoot)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        if (match[1] && !idKeys.has(match[1])) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('translate every error code the client knows', async () => {
    const { KNOWN_ERROR_CODES } = await import('../lib/errors.ts');
    for (const code of KNOWN_ERROR_CODES) expect(idKeys.has(`errors.${code}`), code).toBe(true);
  });
});
