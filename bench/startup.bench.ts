/**
 * Cold start to the first 200 and idle memory of `pulau serve` on the embedded database, against a baseline
 * measured in the same run: a bare `node:http` server answering 200 (the floor any Node server pays).
 * Cases: a first start on an empty data folder (migrations run) and a restart on an existing one.
 *
 *   npx tsx bench/startup.bench.ts        writes bench/results/startup.json
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/support/spawn-server.ts';
import { load1, writeResult } from './record.ts';

const RUNS = Number(process.env.RUNS ?? 5);

type Sample = { ms: number; rssMb: number };

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
};

const measure = async (
  args: string[],
  env: Record<string, string>,
  url: (port: number) => string,
): Promise<Sample> => {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', PULAU_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(url(port));
        if (res.status === 200) break;
      } catch {
        // not yet listening
      }
      await new Promise((r) => setTimeout(r, 20));
      if (performance.now() - started > 120_000) throw new Error('no 200 within 120 s');
    }
    const ms = performance.now() - started;
    // Idle memory: after a few requests and a pause, as a server sits between users.
    for (let i = 0; i < 20; i++) await fetch(url(port));
    await new Promise((r) => setTimeout(r, 2000));
    return { ms, rssMb: rssMb(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const summary = (samples: Sample[]) => ({
  median_ms: Math.round(median(samples.map((s) => s.ms))),
  max_ms: Math.round(Math.max(...samples.map((s) => s.ms))),
  median_idle_rss_mb: Math.round(median(samples.map((s) => s.rssMb))),
  runs: samples.length,
});

const bare = "require('node:http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT,'127.0.0.1')";
const baseline: Sample[] = [];
const cold: Sample[] = [];
const warm: Sample[] = [];
const loadBefore = load1();
for (let i = 0; i < RUNS; i++) {
  baseline.push(await measure(['-e', bare], {}, (p) => `http://127.0.0.1:${p}/`));
  const dir = mkdtempSync(join(tmpdir(), 'pulau-bench-'));
  const health = (p: number) => `http://127.0.0.1:${p}/api/health`;
  cold.push(await measure(['bin/pulau.js', 'serve'], { PULAU_DATA_DIR: dir }, health));
  warm.push(await measure(['bin/pulau.js', 'serve'], { PULAU_DATA_DIR: dir }, health));
  rmSync(dir, { recursive: true, force: true });
}

const loadAfter = load1();
const result = {
  load_average_1m: { before: loadBefore, after: loadAfter },
  name: 'startup',
  date: new Date().toISOString(),
  node: process.version,
  cores: availableParallelism(),
  subject: {
    what: 'pulau serve, embedded database: first start on an empty folder (migrations) and restart, to first 200 of /api/health',
    first_start: summary(cold),
    restart: summary(warm),
  },
  baseline: { what: 'bare node:http server to its first 200', ...summary(baseline) },
  ratios: {
    first_start_over_baseline: +(median(cold.map((s) => s.ms)) / median(baseline.map((s) => s.ms))).toFixed(
      1,
    ),
    restart_over_baseline: +(median(warm.map((s) => s.ms)) / median(baseline.map((s) => s.ms))).toFixed(1),
    idle_rss_over_baseline: +(
      median(warm.map((s) => s.rssMb)) / median(baseline.map((s) => s.rssMb))
    ).toFixed(1),
  },
};
writeResult('startup', result);
console.table({
  baseline: { ms: result.baseline.median_ms, idleRssMb: result.baseline.median_idle_rss_mb },
  'first start': {
    ms: result.subject.first_start.median_ms,
    idleRssMb: result.subject.first_start.median_idle_rss_mb,
  },
  restart: { ms: result.subject.restart.median_ms, idleRssMb: result.subject.restart.median_idle_rss_mb },
});
console.log(result.ratios);
