import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

// The browser imports the same scoring code: bundle every runtime file of src/core/lke for the browser and
// fail if anything outside src/core (other than zod) is pulled in, or if a Node built-in is needed.
// No node:path here: src/core stays free of Node built-ins, even in its tests.
const root = decodeURIComponent(new URL('../../..', import.meta.url).pathname).replace(/\/$/, '');
const entries = [
  'parse-lke-template',
  'score-assessment',
  'check-predicates',
  'what-if',
  'plan-path',
  'apply-plan',
  'present-score-json',
  'read-answer-set',
  'evaluate-answers',
].map((f) => `${root}/src/core/lke/${f}.ts`);

describe('src/core/lke builds for the browser', () => {
  it('bundles with nothing from outside src/core but zod', async () => {
    const warnings: string[] = [];
    const out = (await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        target: 'es2022',
        lib: { entry: entries, formats: ['es'] },
        rollupOptions: { onwarn: (w) => void warnings.push(w.message) },
      },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
    const modules = new Set(outputs.flatMap((o) => (o.type === 'chunk' ? o.moduleIds : [])));
    expect(modules.size).toBeGreaterThan(10);
    const outside = [...modules]
      .map((m) => m.replace(/^\0/, '').replace(`${root}/`, ''))
      .filter(
        (m) =>
          !m.startsWith('src/core/') &&
          !m.startsWith('node_modules/zod') &&
          !m.startsWith('rolldown/runtime'),
      );
    expect(outside).toEqual([]);
    const imports = outputs.flatMap((o) => (o.type === 'chunk' ? o.imports : []));
    expect(imports.filter((i) => !i.startsWith('zod') && !outputs.some((o) => o.fileName === i))).toEqual([]);
    expect(warnings.filter((w) => /externalized for browser|node:/.test(w))).toEqual([]);
  });
});
