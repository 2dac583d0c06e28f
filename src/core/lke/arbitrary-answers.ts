// Test-only: fast-check generators of answer sets for the real template.
import fc from 'fast-check';
import type { LkeAnswer } from './evaluate-answers.ts';
import { T } from './test-support.ts';

const index = fc.integer({ min: 0, max: 400 }).map((n) => n / 100);

/** A random answer set; `blankRate` is the chance an item is left blank (0 = complete). */
export const arbitraryAnswers = (blankRate = 0.1): fc.Arbitrary<Record<string, LkeAnswer>> =>
  fc
    .tuple(
      ...T.items.map((it) => {
        let value: fc.Arbitrary<Record<string, LkeAnswer>>;
        if (it.type === 'index_0_4') value = index.map((v) => ({ [it.code]: v }));
        else if (it.type === 'ratio')
          value = fc.tuple(...it.inputs.map(() => fc.integer({ min: 0, max: 12 }))).map((ns) => {
            const out: Record<string, LkeAnswer> = Object.fromEntries(
              it.inputs.map((inp, k) => [inp.code, ns[k] ?? 0]),
            );
            // A count over a zero denominator is refused as inconsistent, so valid sets never hold one.
            const f = it.formula;
            if (f.kind === 'ratio' && f.denominator.every((c) => out[c] === 0))
              for (const c of f.numerator) out[c] = 0;
            return out;
          });
        else value = fc.constantFrom(...it.options.map((o) => o.key)).map((k) => ({ [it.code]: k }));
        return fc
          .tuple(fc.double({ min: 0, max: 1, noNaN: true }), value)
          .map(([r, v]) => (r < blankRate ? {} : v));
      }),
    )
    .map((parts) => Object.assign({}, ...parts) as Record<string, LkeAnswer>);

/** A complete answer set whose Hasil passes the given predicate, so only Pengungkit decides. */
export const arbitraryPassingHasil = (predicate: 'WBK' | 'WBBM'): fc.Arbitrary<Record<string, LkeAnswer>> =>
  fc
    .tuple(
      arbitraryAnswers(0),
      fc.integer({ min: 360, max: 400 }),
      fc.constantFrom(...(predicate === 'WBK' ? ['A', 'B', 'C'] : ['A', 'B'])),
      fc.integer({ min: predicate === 'WBK' ? 320 : 360, max: 400 }),
    )
    .map(([a, ipak, cap, ipkp]) => ({ ...a, 'H1.a': ipak / 100, 'H1.b': cap, 'H2.a': ipkp / 100 }));
