// Standalone benchmark: npx tsx bench/lke-score.bench.ts
// Times scoring 1 and 10 000 assessments and planning a path, each against a baseline measured in the same run
// (JSON.parse + JSON.stringify of the same answers), and writes bench/results/lke-score.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planPath } from '../src/core/lke/plan-path.ts';
import { presentScoreJson } from '../src/core/lke/present-score-json.ts';
import { scoreAssessment } from '../src/core/lke/score-assessment.ts';
import type { LkeAnswer, LkeAnswerSet } from '../src/core/lke/evaluate-answers.ts';
import type { LkeTemplate } from '../src/core/lke/template-model.ts';
import { loadLkeTemplate } from '../src/server/lke/load-lke-template.ts';

const loaded = await loadLkeTemplate('permenpanrb-90-2021');
if (!loaded.ok) throw new Error(loaded.error.message);
const T: LkeTemplate = loaded.value;

// Deterministic pseudo-random answers (a seeded LCG), so runs are comparable.
let seed = 20211231;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const assessment = (): LkeAnswerSet => {
  const answers: Record<string, LkeAnswer> = {};
  for (const it of T.items) {
    if (it.type === 'index_0_4') answers[it.code] = Math.round((3 + rnd()) * 100) / 100;
    else if (it.type === 'ratio') for (const i of it.inputs) answers[i.code] = Math.floor(rnd() * 40);
    else answers[it.code] = it.options[Math.floor(rnd() * rnd() * it.options.length)]?.key ?? null;
  }
  return { answers, context: { alreadyWbk: true } };
};
const sets = Array.from({ length: 10_000 }, assessment);

type Stat = { what: string; median_ms: number; p95_ms: number; min_ms: number; runs: number };
const round = (x: number) => Math.round(x * 10000) / 10000;
/** Warm up, then time `runs` separate calls of `fn`; median, p95 and min resist the noise of a shared machine. */
const measure = (what: string, fn: () => void, runs: number): Stat => {
  const w0 = performance.now();
  do fn();
  while (performance.now() - w0 < 300);
  const xs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
  return { what, median_ms: round(at(0.5)), p95_ms: round(at(0.95)), min_ms: round(xs[0] ?? 0), runs };
};
const roundTrip = (x: LkeAnswerSet) => JSON.stringify(JSON.parse(JSON.stringify(x)));

let i1 = 0;
const baselineOne = measure(
  'JSON.parse + JSON.stringify of one answer set',
  () => roundTrip(sets[i1++ % 100]!),
  500,
);
let i2 = 0;
const scoreOne = measure(
  'scoreAssessment of one answer set (113 items, exact)',
  () => scoreAssessment(T, sets[i2++ % 100]!),
  500,
);
let i3 = 0;
const scoreOneJson = measure(
  'scoreAssessment + presentScoreJson + JSON.stringify',
  () => JSON.stringify(presentScoreJson(scoreAssessment(T, sets[i3++ % 100]!))),
  500,
);
const baseline10k = measure('JSON round trip of 10 000 answer sets', () => sets.forEach(roundTrip), 5);
const score10k = measure(
  'scoreAssessment of 10 000 answer sets',
  () => sets.forEach((x) => scoreAssessment(T, x)),
  5,
);
const planSets = sets.slice(0, 100);
let i4 = 0;
const planWbk = measure(
  'planPath to WBK (exact minimum steps), one answer set',
  () => planPath(T, planSets[i4++ % 100]!, 'WBK'),
  200,
);
let i5 = 0;
const planWbbm = measure(
  'planPath to WBBM, one answer set',
  () => planPath(T, planSets[i5++ % 100]!, 'WBBM'),
  200,
);
const statuses = planSets.map((x) => planPath(T, x, 'WBK').status);

const ratio = (a: Stat, b: Stat) => round(a.median_ms / b.median_ms);
const result = {
  name: 'lke-score',
  template: `${T.id} v${T.version}`,
  date: new Date().toISOString(),
  node: process.version,
  cores: availableParallelism(),
  platform: `${process.platform} ${process.arch}`,
  // Other processes share the machine: read the figures against the load and the same-run baseline.
  loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  inputs:
    'seeded pseudo-random complete answer sets (options skewed to the better ones; counts 0..39; indices 3..4)',
  baseline: { one: baselineOne, tenThousand: baseline10k },
  subject: { scoreOne, scoreOneJson, score10k, planWbk, planWbbm },
  ratios: {
    scoreOne_over_baselineOne: ratio(scoreOne, baselineOne),
    scoreOneJson_over_baselineOne: ratio(scoreOneJson, baselineOne),
    score10k_over_baseline10k: ratio(score10k, baseline10k),
    planWbk_over_baselineOne: ratio(planWbk, baselineOne),
    planWbbm_over_baselineOne: ratio(planWbbm, baselineOne),
  },
  planStatusesWbk: Object.fromEntries(
    [...new Set(statuses)].map((x) => [x, statuses.filter((y) => y === x).length]),
  ),
};
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'lke-score.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
const rows = [baselineOne, scoreOne, scoreOneJson, baseline10k, score10k, planWbk, planWbbm];
console.log(`lke-score — node ${result.node}, ${result.cores} cores, load ${result.loadAverage1m}`);
for (const r of rows)
  console.log(
    `${r.what.padEnd(60)} median ${String(r.median_ms).padStart(10)} ms  p95 ${String(r.p95_ms).padStart(10)} ms  (${r.runs} runs)`,
  );
for (const [k, v] of Object.entries(result.ratios)) console.log(`${k.padEnd(60)} ${v}`);
