#!/usr/bin/env node
// `npm run bench [-- NAME ...]`: runs bench/*.bench.ts (or the named ones) through tsx, one at a time so they
// do not share the machine's two cores, streaming their output. Exits non-zero if any bench fails.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const SUFFIX = '.bench.ts';

const all = existsSync(benchDir)
  ? readdirSync(benchDir)
      .filter((f) => f.endsWith(SUFFIX))
      .sort()
  : [];

/** `lke-score`, `lke-score.bench.ts` and `bench/lke-score.bench.ts` all name the same bench. */
function resolveName(arg) {
  const name = basename(arg).replace(/\.bench\.ts$/, '');
  const file = `${name}${SUFFIX}`;
  if (!all.includes(file)) {
    const known = all.map((f) => f.slice(0, -SUFFIX.length)).join(', ') || 'none';
    console.error(`run-bench: no bench/${file} (benches: ${known})`);
    process.exit(2);
  }
  return file;
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const chosen = args.length > 0 ? [...new Set(args.map(resolveName))] : all;

if (chosen.length === 0) {
  console.log('run-bench: no bench/*.bench.ts yet; nothing to run');
  process.exit(0);
}

function run(file) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', join(benchDir, file)], { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(`run-bench: could not start tsx for ${file}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(signal ? `signal ${signal}` : code));
  });
}

const outcomes = [];
for (const file of chosen) {
  const rel = relative(root, join(benchDir, file));
  console.log(`\n=== ${rel} ===`);
  const started = process.hrtime.bigint();
  const result = await run(file);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  outcomes.push({ rel, ok: result === 0, result, seconds });
  console.log(`=== ${rel}: ${result === 0 ? 'ok' : `FAILED (${result})`} in ${seconds.toFixed(1)} s ===`);
}

const failed = outcomes.filter((o) => !o.ok);
console.log('\nrun-bench summary:');
for (const o of outcomes)
  console.log(`  ${o.ok ? 'ok    ' : 'FAILED'}  ${o.seconds.toFixed(1).padStart(7)} s  ${o.rel}`);
console.log(`benches: ${outcomes.length - failed.length} ok, ${failed.length} failed`);
process.exit(failed.length > 0 ? 1 : 0);
