// Test-only helpers: the real template and answer sets built from it. Never imported by runtime code.
import YAML from 'yaml';
import raw from '../../../templates/lke/permenpanrb-90-2021.yaml?raw';
import { parseLkeTemplate } from './parse-lke-template.ts';
import type { LkeAnswer, LkeAnswerSet } from './evaluate-answers.ts';
import type { LkeTemplate } from './template-model.ts';

export const templateData = (): Record<string, unknown> => YAML.parse(raw) as Record<string, unknown>;

const parsed = parseLkeTemplate(templateData());
if (!parsed.ok) throw new Error(parsed.error.message);
export const T: LkeTemplate = parsed.value;

/** Every option item at position `at` (0 = best, clamped to the lowest), ratios at `num`/10, indices at `index`. */
export const uniform = (at: number, num = 10, index = 4): Record<string, LkeAnswer> => {
  const a: Record<string, LkeAnswer> = {};
  for (const it of T.items) {
    if (it.type === 'index_0_4') a[it.code] = index;
    else if (it.type === 'ratio') {
      for (const i of it.inputs) a[i.code] = 0;
      const f = it.formula;
      if (f.kind === 'ratio') {
        a[f.denominator[0] ?? ''] = 10;
        a[f.numerator[0] ?? ''] = num;
      } else {
        a[f.previous] = 10;
        a[f.current] = 10 - num;
      }
    } else a[it.code] = it.options[Math.min(at, it.options.length - 1)]?.key ?? null;
  }
  return a;
};

export const best = (): Record<string, LkeAnswer> => uniform(0);
export const worst = (): Record<string, LkeAnswer> => uniform(9, 0, 0);
export const set = (answers: Record<string, LkeAnswer>, alreadyWbk = false): LkeAnswerSet => ({
  answers,
  context: { alreadyWbk },
});
