/**
 * Public survey submissions on PostgreSQL: sustained submissions per second and p50/p95/p99 of
 * POST /api/public/surveys/:id/responses (validated by the core, quality flags, salted address and device
 * hashes, the device-token rule, stored by INSERT … ON CONFLICT statements that group the responses arriving
 * together (group commit); each 201 is sent after the statement holding its row committed, so each
 * acknowledged response is durably stored), against two baselines in the same
 * run: the bare route GET /api/health of the same server (one `SELECT 1`), and raw inserts of the same row
 * with a direct `pg` loop (same concurrency, autocommit, no HTTP, no validation).
 *
 * Setup: DATABASE_URL if set (a fresh database on that server, dropped at the end), else a throwaway cluster
 * (scripts/pg-throwaway.sh, PG_PORT 55442). One unit and one open IPAK campaign through the use cases.
 * Load: `pulau serve` as a child process with PULAU_SURVEY_RATE_PER_MINUTE raised (every bench request comes
 * from 127.0.0.1: one address); CONCURRENCY closed-loop workers on keep-alive sockets, WARMUP_S then DURATION_S
 * per subject, in ROUNDS alternating rounds. Every submission has its own idempotency key; any non-2xx is an error.
 *
 *   npx tsx bench/survey-submit.bench.ts      writes bench/results/survey-submit.json
 *   (CONCURRENCY=32 WARMUP_S=2 DURATION_S=8 ROUNDS=2 PG_PORT=55442; DATABASE_URL to use a server of yours)
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.ts';
import { createUnit } from '../src/server/features/units/create-unit.ts';
import { createCampaign } from '../src/server/features/surveys/create-campaign.ts';
import { changeCampaignStatus } from '../src/server/features/surveys/change-campaign-status.ts';
import { todayWib } from '../src/server/features/surveys/campaign-window.ts';
import { spawnServer } from '../test/support/spawn-server.ts';

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const WARMUP_S = Number(process.env.WARMUP_S ?? 2);
const DURATION_S = Number(process.env.DURATION_S ?? 8);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const PG_PORT = process.env.PG_PORT ?? '55442';

const cleanups: (() => Promise<void> | void)[] = [];
const cleanUp = async () => {
  for (const run of cleanups.reverse()) {
    try {
      await run();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
};
const step = (what: string) => console.log(`[survey-submit-bench] ${what}`);

const startPostgres = (): string => {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'pulau-bench-pg-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const script = (cmd: 'start' | 'stop') =>
    spawnSync('scripts/pg-throwaway.sh', [cmd, dir], {
      env: { ...process.env, PG_PORT },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  cleanups.push(() => void script('stop'));
  const started = script('start');
  if (started.status !== 0) throw new Error(`pg-throwaway.sh start failed (exit ${started.status})`);
  return started.stdout.trim();
};

const freshDatabase = async (adminUrl: string): Promise<string> => {
  const name = `pulau_bench_survey_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    await c.query(`DROP DATABASE IF EXISTS "${name}"`);
    await c.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

const response = (i: number) => ({
  screening: 'sudah',
  profile: {
    usia: '26_35',
    jenis_kelamin: 'perempuan',
    pendidikan: 'sma',
    pekerjaan: 'swasta',
    layanan: 'loket',
  },
  answers: {
    diskriminasi: 4,
    kecurangan: 3,
    imbalan: 4,
    percaloan: 3 + (i % 2),
    pungli: 4,
    diarahkan: 'tidak',
  },
  durationSeconds: 60,
});

type Sample = { latencies: number[]; ok: number; errors: number; seconds: number };

/** CONCURRENCY closed-loop workers for `seconds`; `once` returns true on success. */
const load = async (
  seconds: number,
  once: (worker: number, i: number) => Promise<boolean>,
): Promise<Sample> => {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (let i = 0; performance.now() < end; i += 1) {
        const t0 = performance.now();
        const good = await once(w, i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (good) ok += 1;
        else errors += 1;
      }
    }),
  );
  return { latencies, ok, errors, seconds: (performance.now() - start) / 1000 };
};

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const request = (url: string, method: string, body?: string, headers: Record<string, string> = {}) =>
  new Promise<number>((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const summarise = (what: string, samples: Sample[]) => {
  const all = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const ok = samples.reduce((a, s) => a + s.ok, 0);
  const seconds = samples.reduce((a, s) => a + s.seconds, 0);
  return {
    what,
    per_second: Math.round(ok / seconds),
    ok,
    errors: samples.reduce((a, s) => a + s.errors, 0),
    p50_ms: +pct(all, 0.5).toFixed(2),
    p95_ms: +pct(all, 0.95).toFixed(2),
    p99_ms: +pct(all, 0.99).toFixed(2),
    seconds: +seconds.toFixed(1),
  };
};

const main = async () => {
  // The machine is shared: the load before and after says how far the absolute figures can be trusted.
  const loadBefore = loadavg().map((l) => +l.toFixed(2));
  const adminUrl = startPostgres();
  const url = await freshDatabase(adminUrl);
  step('migrating and seeding');
  const database = await openDatabase({ kind: 'postgres', url, poolSize: CONCURRENCY });
  cleanups.push(() => database.close());
  const system = { id: null, label: 'bench', ip: null };
  const now = new Date();
  const unit = await createUnit(database.db, {
    input: {
      parentId: null,
      code: 'BENCH',
      name: 'Bench',
      type: 'instansi',
      region: null,
      isPublicService: true,
      afirmasi: false,
    },
    actor: system,
    now,
  });
  const campaign = await createCampaign(database.db, {
    input: {
      unitId: unit.id,
      kind: 'ipak',
      periodLabel: 'Bench',
      services: [{ code: 'loket', name: 'Loket', population: 100_000 }],
      samplingMethod: 'krejcie-morgan',
      startsOn: todayWib(new Date(Date.now() - 86_400_000)),
      endsOn: todayWib(new Date(Date.now() + 86_400_000)),
      requireCodes: false,
      proofOfWork: false,
      minSeconds: null,
      excludeFlags: [],
      exclusionReason: null,
      customQuestions: [],
      deviceWindowHours: 24,
    },
    actor: system,
    now,
  });
  await changeCampaignStatus(database.db, {
    campaignId: campaign.id,
    to: 'open',
    version: 1,
    actor: system,
    now,
  });

  const dataDir = mkdtempSync(join(tmpdir(), 'pulau-bench-data-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await spawnServer({
    DATABASE_URL: url,
    PULAU_DATA_DIR: dataDir,
    PULAU_SURVEY_RATE_PER_MINUTE: '100000000',
    PULAU_HASH_SALT: randomBytes(16).toString('hex'),
  });
  cleanups.push(() => void server.child.kill('SIGTERM'));

  const submitUrl = `${server.url}/api/public/surveys/${campaign.id}/responses`;
  // Every phone sends its own device token (a kiosk sends none): each submission is a new device here.
  const submit = async (_w: number, i: number) =>
    (await request(submitUrl, 'POST', JSON.stringify({ ...response(i), deviceToken: randomUUID() }), {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    })) === 201;
  const health = async () => (await request(`${server.url}/api/health`, 'GET')) === 200;
  const raw = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  cleanups.push(() => raw.end());
  const rawInsert = async (_w: number, i: number) => {
    const r = response(i);
    await raw.query(
      `INSERT INTO survey_responses (id, campaign_id, service_code, screening, answers, profile, duration_seconds,
         flags, idempotency_key, body_hash, device_token_hash, ip_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, now())
       ON CONFLICT (campaign_id, idempotency_key) DO NOTHING`,
      [
        randomUUID(),
        campaign.id,
        'loket',
        'sudah',
        r.answers,
        r.profile,
        60,
        '[]',
        randomUUID(),
        'x'.repeat(64),
        'y'.repeat(64),
      ],
    );
    return true;
  };

  step(`warm-up ${WARMUP_S} s each`);
  for (const f of [submit, health, rawInsert]) await load(WARMUP_S, f);
  const samples = { submit: [] as Sample[], health: [] as Sample[], raw: [] as Sample[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    const order =
      round % 2 === 0 ? (['submit', 'health', 'raw'] as const) : (['raw', 'health', 'submit'] as const);
    for (const name of order) {
      step(`round ${round + 1}: ${name} for ${DURATION_S} s`);
      samples[name].push(
        await load(DURATION_S, name === 'submit' ? submit : name === 'health' ? health : rawInsert),
      );
    }
  }
  const stored = await raw.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM survey_responses WHERE campaign_id = $1 AND ip_hash <> $2`,
    [campaign.id, 'y'.repeat(64)],
  );
  const subject = summarise(
    'POST /api/public/surveys/:id/responses (validated, flagged, stored)',
    samples.submit,
  );
  const baseline = summarise('GET /api/health on the same server (SELECT 1)', samples.health);
  const rawInserts = summarise('direct pg INSERT of the same row, same concurrency, autocommit', samples.raw);
  const result = {
    name: 'survey-submit',
    date: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    load_average: { before: loadBefore, after: loadavg().map((l) => +l.toFixed(2)) },
    run: { warmup_s: WARMUP_S, duration_s: DURATION_S, rounds: ROUNDS },
    postgres: process.env.DATABASE_URL ? 'DATABASE_URL' : 'throwaway cluster (scripts/pg-throwaway.sh)',
    concurrency: CONCURRENCY,
    subject,
    baseline,
    raw_inserts: rawInserts,
    /** Throughput as a share of the baselines measured in the same run: comparable across loads. */
    ratios: {
      subject_over_baseline: +(subject.per_second / baseline.per_second).toFixed(3),
      subject_over_raw_inserts: +(subject.per_second / rawInserts.per_second).toFixed(3),
    },
    stored_via_http: stored.rows[0]?.n ?? 0,
    target: { per_second: 1000, p99_ms: 100, met: subject.per_second >= 1000 && subject.p99_ms < 100 },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/survey-submit.json', `${JSON.stringify(result, null, 2)}\n`);
  console.table([result.subject, result.baseline, result.raw_inserts]);
  console.log(
    `stored via HTTP (incl. warm-up): ${result.stored_via_http}; ratios ${JSON.stringify(result.ratios)}; ` +
      `load ${JSON.stringify(result.load_average)}; target met: ${result.target.met}`,
  );
};

main()
  .then(cleanUp, async (error) => {
    console.error(error);
    await cleanUp();
    process.exitCode = 1;
  })
  .finally(() => agent.destroy());
