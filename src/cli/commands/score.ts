import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatId, type Exact } from '../../core/shared/exact.ts';
import { presentScoreJson } from '../../core/lke/present-score-json.ts';
import { readAnswerSet } from '../../core/lke/read-answer-set.ts';
import { scoreAssessment, type LkeScore } from '../../core/lke/score-assessment.ts';
import type { AreaMinimumBasis } from '../../core/lke/template-model.ts';
import { loadLkeTemplate } from '../../server/lke/load-lke-template.ts';

export type ScoreCommandOptions = { answers: string; template: string; format: string; areaMinimum?: string };
export type Io = { out: (s: string) => void; err: (s: string) => void };
const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

const pct = (x: Exact) => `${formatId({ n: x.n * 100n, d: x.d })} %`;
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** A person-readable report: areas, components, Hasil, completeness, each predicate rule, problems. */
export const formatScoreTable = (s: LkeScore): string => {
  const lines: string[] = [`LKE ${s.templateId} (v${s.templateVersion})`, ''];
  lines.push(
    `${pad('Area', 44)}${lpad('Pemenuhan', 11)}${lpad('Reform', 9)}${lpad('Nilai', 9)}${lpad('Bobot', 8)}${lpad('%', 10)}`,
  );
  for (const a of s.areas) {
    lines.push(
      `${pad(`${a.number} ${a.name}`, 44)}${lpad(formatId(a.pemenuhan.score), 11)}${lpad(formatId(a.reform.score), 9)}` +
        `${lpad(formatId(a.total.score), 9)}${lpad(formatId(a.total.weight), 8)}${lpad(pct(a.total.percent), 10)}`,
    );
  }
  lines.push('');
  const row = (label: string, n: { score: Exact; weight: Exact; percent: Exact }) =>
    lines.push(
      `${pad(label, 44)}${lpad(formatId(n.score), 9)} / ${lpad(formatId(n.weight), 6)}${lpad(pct(n.percent), 10)}`,
    );
  row('Pemenuhan', s.pemenuhan);
  row('Reform', s.reform);
  row('Pengungkit', s.pengungkit);
  for (const p of s.hasilParts) row(`Hasil ${p.code}`, p.score);
  row('Hasil', s.hasil);
  row('NILAI EVALUASI ZI', s.total);
  lines.push(`${pad('Nilai konservatif (butir kosong = 0)', 44)}${lpad(formatId(s.conservative.total), 9)}`);
  const c = s.completeness;
  lines.push(
    '',
    `Kelengkapan: ${c.answered}/${c.total} butir terjawab${c.missing.length ? `; belum: ${c.missing.join(', ')}` : ''}`,
  );
  for (const p of s.predicates) {
    lines.push('', `${p.id}: ${p.eligible ? 'MEMENUHI' : 'BELUM MEMENUHI'}`);
    for (const r of p.rules) {
      const digits = r.kind === 'complete' || r.kind === 'context' ? 0 : 2;
      lines.push(
        `  ${r.pass ? '✓' : '✗'} ${pad(r.id, 20)} ${lpad(formatId(r.actual, digits), 9)} ≥ ${lpad(formatId(r.required, digits), 6)}  ${r.text ?? ''}`,
      );
    }
  }
  for (const [title, list] of [
    ['Kesalahan', s.errors],
    ['Peringatan', s.warnings],
  ] as const) {
    if (list.length) lines.push('', `${title}:`, ...list.map((e) => `  - [${e.code}] ${e.message}`));
  }
  return `${lines.join('\n')}\n`;
};

/**
 * `pulau score`: 0 when the answers are valid, 1 when some are invalid (listed), 2 for usage and file errors.
 * @example await runScore({ answers: 'a.json', template: 'permenpanrb-90-2021', format: 'json' }) // 0
 */
export const runScore = async (o: ScoreCommandOptions, io: Io = stdio): Promise<number> => {
  if (o.format !== 'json' && o.format !== 'table') {
    io.err(`--format must be json or table, not "${o.format}"\n`);
    return 2;
  }
  if (o.areaMinimum !== undefined && o.areaMinimum !== 'combined' && o.areaMinimum !== 'per_aspect') {
    io.err(`--area-minimum must be combined or per_aspect, not "${o.areaMinimum}"\n`);
    return 2;
  }
  const t = await loadLkeTemplate(o.template);
  if (!t.ok) {
    io.err(`${t.error.message}\n`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(o.answers, 'utf8'));
  } catch (e) {
    const why =
      e instanceof SyntaxError
        ? `is not valid JSON (${e.message})`
        : `cannot be read (${(e as Error).message})`;
    io.err(`answers file ${o.answers} ${why}\n`);
    return 2;
  }
  const set = readAnswerSet(raw);
  if (!set.ok) {
    if (o.format === 'json')
      io.out(`${JSON.stringify({ template: o.template, errors: set.error, warnings: [] }, null, 2)}\n`);
    else
      io.err(`Invalid answers file:\n${set.error.map((e) => `  - [${e.code}] ${e.message}`).join('\n')}\n`);
    return 1;
  }
  const areaMinimum = o.areaMinimum as AreaMinimumBasis | undefined;
  const score = scoreAssessment(t.value, set.value, areaMinimum ? { areaMinimum } : {});
  io.out(
    o.format === 'json' ? `${JSON.stringify(presentScoreJson(score), null, 2)}\n` : formatScoreTable(score),
  );
  if (score.errors.length > 0) {
    io.err(
      `${score.errors.length} invalid answer(s):\n${score.errors.map((e) => `  - ${e.message}`).join('\n')}\n`,
    );
    return 1;
  }
  return 0;
};

/** Registers `pulau score --answers FILE [--template ID] [--format json|table] [--area-minimum combined|per_aspect]`. */
export const registerScoreCommand = (program: Command): void => {
  program
    .command('score')
    .description('Score an LKE answers file (JSON) exactly, with completeness and the WBK/WBBM check')
    .requiredOption(
      '--answers <file>',
      'answers file: {"answers": {"P1.i.a": "Ya", …}, "context": {"alreadyWbk": false}}',
    )
    .option('--template <id>', 'LKE template id', 'permenpanrb-90-2021')
    .option('--format <format>', 'json or table', 'json')
    .option('--area-minimum <basis>', 'override the per-area minimum reading: combined or per_aspect')
    .action(async (opts: ScoreCommandOptions) => {
      process.exitCode = await runScore(opts);
    });
};
