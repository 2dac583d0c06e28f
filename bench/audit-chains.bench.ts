/**
 * Audited writes in different units on PostgreSQL: 50 concurrent answer saves, one per unit (each a transaction
 * upserting the unit's answer row and, in the audited subject, appending its audit record with `writeAudit`),
 * against the same saves with the audit write removed, in the same run, alternating rounds. With one chain per
 * unit the audited saves should keep at least half the throughput of the bare ones (issue 17 item 7); with the
 * former global chain lock they ran one at a time.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/audit-chains.bench.ts   writes bench/results/audit-chains.json
 *   (a fresh database on that server, dropped at the end; UNITS=50 BATCHES=20 ROUNDS=3)
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.ts';
import { answers, assessments, periods } from '../src/server/db/schema.ts';
import { writeAudit } from '../src/server/features/audit/write-audit.ts';
import { createUnit } from '../src/server/features/units/create-unit.ts';
import { load1, writeResult } from './record.ts';

const UNITS = Number(process.env.UNITS ?? 50);
const BATCHES = Number(process.env.BATCHES ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('audit-chains bench: set DATABASE_URL to a PostgreSQL server');

const name = `pulau_bench_audit_${Date.now()}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const dbUrl = new URL(url);
dbUrl.pathname = `/${name}`;
const database = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), poolSize: UNITS });
const system = { id: null, label: 'bench', ip: null };
const unitInput = (code: string, parentId: string | null) => ({
  parentId,
  code,
  name: code,
  type: (parentId ? 'kabupaten_kota' : 'instansi') as 'kabupaten_kota' | 'instansi',
  region: null,
  isPublicService: true,
  afirmasi: false,
});

try {
  const db = database.db;
  const agency = await db.transaction((tx) =>
    createUnit(tx, { input: unitInput('BENCH', null), actor: system, now: new Date() }),
  );
  const periodId = randomUUID();
  await db.insert(periods).values({
    id: periodId,
    agencyId: agency.id,
    year: 2026,
    name: 'ZI 2026',
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: '2026-01-01',
    fillUntil: '2026-12-31',
  });
  const targets: Array<{ unit: { id: string; path: string }; assessmentId: string }> = [];
  for (let i = 0; i < UNITS; i++) {
    const unit = await db.transaction((tx) =>
      createUnit(tx, { input: unitInput(`BENCH-${i}`, agency.id), actor: system, now: new Date() }),
    );
    const assessmentId = randomUUID();
    await db.insert(assessments).values({ id: assessmentId, periodId, unitId: unit.id, target: 'WBK' });
    targets.push({ unit, assessmentId });
  }

  let n = 0;
  const save = (target: (typeof targets)[number], audited: boolean) =>
    db.transaction(async (tx) => {
      const explanation = `penjelasan ${n++}`;
      await tx
        .insert(answers)
        .values({ assessmentId: target.assessmentId, code: 'P1.i.a', explanation, status: 'answered' })
        .onConflictDoUpdate({
          target: [answers.assessmentId, answers.level, answers.code],
          set: { explanation, version: sql`${answers.version} + 1`, updatedAt: new Date() },
        });
      if (audited) {
        await writeAudit(tx, {
          actor: system,
          action: 'answer.saved',
          subjectType: 'answer',
          subjectId: `${target.assessmentId}:P1.i.a`,
          unit: target.unit,
          after: { explanation },
          now: new Date(),
        });
      }
    });
  /** BATCHES times: all units save at once; returns saves per second. */
  const run = async (audited: boolean) => {
    const started = performance.now();
    for (let b = 0; b < BATCHES; b++) await Promise.all(targets.map((t) => save(t, audited)));
    return (UNITS * BATCHES) / ((performance.now() - started) / 1000);
  };
  await run(true);
  await run(false);
  const loadBefore = load1();
  const audited: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bare.push(await run(false));
    audited.push(await run(true));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const spread = (xs: number[]) => ({ min: +Math.min(...xs).toFixed(1), max: +Math.max(...xs).toFixed(1) });
  const ratio = +(median(audited) / median(bare)).toFixed(3);
  const result = {
    name: 'audit-chains',
    date: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    engine: 'postgres',
    units: UNITS,
    savesPerRound: UNITS * BATCHES,
    rounds: ROUNDS,
    subject: {
      what: `${UNITS} concurrent answer saves in ${UNITS} units, each with its audit record (per-unit chain)`,
      median_per_s: +median(audited).toFixed(1),
      ...spread(audited),
    },
    baseline: {
      what: 'the same saves with the audit write removed',
      median_per_s: +median(bare).toFixed(1),
      ...spread(bare),
    },
    ratios: { subject_over_baseline: ratio, target: 0.5 },
    load1: { before: loadBefore, after: load1() },
  };
  writeResult('audit-chains', result);
  console.table({ audited: result.subject, bare: result.baseline });
  process.stdout.write(`ratio ${ratio} (target ≥ 0.5), load ${loadBefore} → ${result.load1.after}\n`);
  if (ratio < 0.5) process.exitCode = 1;
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
