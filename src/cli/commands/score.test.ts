import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerScoreCommand, runScore } from './score.ts';
import { registerTemplateCommand, runTemplateShow, runTemplateValidate } from './template.ts';
import { LKE_TEMPLATE_DIR } from '../../server/lke/load-lke-template.ts';
import { processTestTimeout } from '../../../test/support/timeouts.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const capture = () => {
  const io = {
    stdout: '',
    stderr: '',
    out: (s: string) => void (io.stdout += s),
    err: (s: string) => void (io.stderr += s),
  };
  return io;
};
const file = async (name: string, content: string) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'pulau-score-'));
  const f = path.join(dir, name);
  await writeFile(f, content);
  return f;
};
const sample = {
  answers: {
    'P1.i.a': 'Ya',
    'P1.i.b': 'B',
    'R1.i.a.1': 5,
    'R1.i.a.2': 3,
    'H1.a': 3.72,
    'H1.b': 'B',
    'H2.a': 3.41,
  },
  context: { alreadyWbk: false },
};
const opts = (answers: string, format = 'json') => ({ answers, template: 'permenpanrb-90-2021', format });

afterEach(() => {
  process.exitCode = undefined;
});

describe('pulau score', () => {
  it('prints exactly the agreed JSON shape with unrounded numbers', async () => {
    const io = capture();
    expect(await runScore(opts(await file('a.json', JSON.stringify(sample))), io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(Object.keys(out)).toEqual([
      'template',
      'total',
      'pengungkit',
      'pemenuhan',
      'reform',
      'hasil',
      'conservativeTotal',
      'areas',
      'subAreas',
      'items',
      'hasilParts',
      'completeness',
      'predicate',
      'errors',
      'warnings',
    ]);
    expect(out.template).toBe('permenpanrb-90-2021');
    expect(Object.keys(out.areas)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(out.areas['1']).toEqual({ pemenuhan: 0.375, reform: 1.2, total: 1.575, weight: 8 });
    expect(Object.keys(out.subAreas)).toHaveLength(42);
    expect(Object.keys(out.items)).toHaveLength(113);
    expect(out.items['H1.a']).toBe(0.93);
    expect(out.items['P1.ii.a']).toBeNull();
    expect(out.hasilParts).toEqual({
      H1: 20.025,
      'H1.a': 16.275,
      'H1.b': 3.75,
      H2: 14.91875,
      'H2.a': 14.91875,
    });
    expect(out.completeness.answered).toBe(6);
    expect(out.completeness.total).toBe(113);
    expect(out.predicate.WBK.eligible).toBe(false);
    expect(out.predicate.WBK.rules[0]).toEqual({ id: 'complete', required: 113, actual: 6, pass: false });
    expect(out.predicate.WBBM.rules[0]).toEqual({ id: 'alreadyWbk', required: 1, actual: 0, pass: false });
  });

  it('exits 1 with the errors listed when answers are invalid', async () => {
    const io = capture();
    const bad = { answers: { 'P1.i.b': 'F', 'R4.i.a.1': -2, 'H1.a': 5 } };
    expect(await runScore(opts(await file('b.json', JSON.stringify(bad))), io)).toBe(1);
    expect(JSON.parse(io.stdout).errors.map((e: { code: string }) => e.code)).toEqual([
      'invalid_option',
      'invalid_count',
      'index_out_of_range',
    ]);
    expect(io.stderr).toContain('P1.i.b: "F" is not an option; choose A, B or C');
  });

  it('refuses a positive count over a zero denominator, naming both inputs; 0 of 0 is scored', async () => {
    const io = capture();
    const bad = { answers: { 'R5.ii.a.1': 0, 'R5.ii.a.2': 0, 'R5.ii.a.3': 2 } };
    expect(await runScore(opts(await file('z.json', JSON.stringify(bad))), io)).toBe(1);
    expect(JSON.parse(io.stdout).errors.map((e: { code: string }) => e.code)).toEqual([
      'ratio_positive_over_zero',
    ]);
    expect(io.stderr).toContain('R5.ii.a: R5.ii.a.3 is 2 but R5.ii.a.1 is 0');
    const ok = capture();
    const zero = { answers: { 'R5.ii.a.1': 0, 'R5.ii.a.2': 0, 'R5.ii.a.3': 0 } };
    expect(await runScore(opts(await file('zz.json', JSON.stringify(zero))), ok)).toBe(0);
  });

  it('exits 1 for a document without answers, 2 for unreadable files and bad options', async () => {
    const io = capture();
    expect(await runScore(opts(await file('c.json', '{"answer": {}}')), io)).toBe(1);
    expect(await runScore(opts(await file('d.json', '{not json')), io)).toBe(2);
    expect(io.stderr).toContain('is not valid JSON');
    expect(await runScore(opts('/nonexistent/answers.json'), io)).toBe(2);
    expect(await runScore({ ...opts('x'), template: 'no-such-template' }, io)).toBe(2);
    expect(io.stderr).toContain('no LKE template "no-such-template"');
    expect(await runScore(opts('x', 'xml'), io)).toBe(2);
  });

  it('prints a table with the Indonesian decimal comma', async () => {
    const io = capture();
    await runScore(opts(await file('e.json', JSON.stringify(sample)), 'table'), io);
    expect(io.stdout).toContain('NILAI EVALUASI ZI');
    expect(io.stdout).toContain('✓ H1.a                     16,28 ≥  15,75');
  });

  it('registers on a commander program', async () => {
    const program = new Command('pulau').exitOverride();
    registerScoreCommand(program);
    registerTemplateCommand(program);
    const f = await file('f.json', JSON.stringify({ answers: { 'P1.i.b': 'Z' } }));
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    const writeErr = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      await program.parseAsync(['score', '--answers', f], { from: 'user' });
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
    }
    expect(process.exitCode).toBe(1);
  });
});

describe('pulau template', () => {
  it('validates the shipped template and names the path of a broken one', async () => {
    const io = capture();
    expect(await runTemplateValidate(path.join(LKE_TEMPLATE_DIR, 'permenpanrb-90-2021.yaml'), io)).toBe(0);
    expect(io.stdout).toContain('valid: permenpanrb-90-2021 v1.0.0 (113 items, 22 inputs');
    const broken = await file('t.yaml', 'id: x\ntitle: t\n');
    expect(await runTemplateValidate(broken, io)).toBe(1);
    expect(io.stderr).toContain('regulation');
    expect(await runTemplateValidate(await file('u.yaml', 'a: [b'), io)).toBe(2);
  });
  it('shows the tree with weights', async () => {
    const io = capture();
    expect(await runTemplateShow({ template: 'permenpanrb-90-2021', format: 'table' }, io)).toBe(0);
    expect(io.stdout).toContain('P1.ii Rencana Pembangunan Zona Integritas — 1,00');
    expect(io.stdout).toContain('R5.iii.LHKASN');
  });
});

const exec = promisify(execFile);
describe.skipIf(!existsSync(path.join(root, 'src/cli/main.ts')))('the real pulau binary', () => {
  it(
    'node bin/pulau.js score prints the JSON and exits 0; invalid answers exit 1',
    async () => {
      const ok = await exec(
        'node',
        ['bin/pulau.js', 'score', '--answers', await file('g.json', JSON.stringify(sample))],
        { cwd: root },
      );
      expect(JSON.parse(ok.stdout).total).toBeCloseTo(36.51875, 10);
      const bad = await exec(
        'node',
        ['bin/pulau.js', 'score', '--answers', await file('h.json', '{"answers": {"P1.i.a": "Maybe"}}')],
        { cwd: root },
      ).catch((e: { code: number; stdout: string }) => e);
      expect((bad as { code: number }).code).toBe(1);
    },
    processTestTimeout,
  );
});
