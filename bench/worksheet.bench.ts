/**
 * The worksheet of one unit (113 items, every answer code filled with an explanation, 500 evidence files)
 * read by 50 concurrent users on PostgreSQL: requests per second and p95 latency of
 * GET /api/assessments/:id/worksheet, against a baseline measured on the same server in the same run: the bare
 * route GET /api/health (one `SELECT 1`, public, sent without a cookie, so no session is loaded).
 *
 * Setup: DATABASE_URL if set (a fresh database is created on that server and dropped at the end), else a
 * throwaway PostgreSQL cluster (scripts/pg-throwaway.sh, PG_PORT 55441) in a temp folder, stopped and removed at
 * the end. Units, 50 users (team_member, area 1, on the unit), the period, the assessment and its answers go
 * through the use cases; the 500 evidence files are rows (blobs, evidence, evidence_versions, evidence_links)
 * inserted in batches, their bytes never written (the worksheet does not read them).
 *
 * Load: `pulau serve` as a child process; 50 closed-loop workers in this process (no think time), each logged
 * in over HTTP with its own session cookie and its own keep-alive connection (node:http, one socket per worker,
 * like one browser per person). A warm-up of WARMUP_S (3 s) on both routes, 200 requests of one user alone on
 * each route (the route's own latency, no queue), then DURATION_S (15 s) per route, split into ROUNDS (3) rounds
 * whose order alternates (W B, B W, W B) so a neighbour's burst on this shared machine hits both routes. Every
 * latency is kept, so p50/p95/p99 are exact. Any non-200 is an error. Measured per route: the server's RSS
 * (/proc/<pid>/status, before, after, sampled peak) and the CPU per request of the server, of this client and,
 * on the throwaway cluster, of PostgreSQL (/proc/<pid>/stat).
 *
 *   npx tsx bench/worksheet.bench.ts      writes bench/results/worksheet.json
 *   (USERS=50 EVIDENCE=500 WARMUP_S=3 DURATION_S=15 ROUNDS=3 PG_PORT=55441; DATABASE_URL to use a server of yours)
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { writeResult } from './record.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { blobs, evidence, evidenceLinks, evidenceVersions } from '../src/server/db/schema.ts';
import { createAssessment } from '../src/server/features/assessments/create-assessment.ts';
import { saveAnswer } from '../src/server/features/assessments/save-answer.ts';
import { createPeriod } from '../src/server/features/periods/create-period.ts';
import { createUnit } from '../src/server/features/units/create-unit.ts';
import { addGrant } from '../src/server/features/users/add-grant.ts';
import { createUser } from '../src/server/features/users/create-user.ts';
import { bestAnswers, LKE_TEMPLATE_ID, lkeTemplate } from '../test/support/lke-answers.ts';
import { spawnServer, type SpawnedServer } from '../test/support/spawn-server.ts';

const USERS = Number(process.env.USERS ?? 50);
const EVIDENCE = Number(process.env.EVIDENCE ?? 500);
const WARMUP_S = Number(process.env.WARMUP_S ?? 3);
const DURATION_S = Number(process.env.DURATION_S ?? 15);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PG_PORT = process.env.PG_PORT ?? '55441';
const PASSWORD = 'bench-worksheet-Password-1';
const BATCH = 100;

// ---------------------------------------------------------------------------------------------------------
// Cleanup: everything started here is undone in reverse order, on success, on failure and on Ctrl-C.

const cleanups: { label: string; run: () => Promise<void> | void }[] = [];
const onCleanup = (label: string, run: () => Promise<void> | void) => cleanups.push({ label, run });
let cleaning: Promise<void> | null = null;
const cleanUp = () =>
  (cleaning ??= (async () => {
    for (const { label, run } of cleanups.reverse()) {
      try {
        await run();
      } catch (error) {
        console.error(`cleanup (${label}) failed:`, error);
      }
    }
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanUp().then(() => process.exit(130));
  });

const step = (what: string) => console.log(`[worksheet-bench] ${what}`);

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL: an existing server (DATABASE_URL) or a throwaway cluster, and a fresh database on it.

const startPostgres = (): { adminUrl: string; clusterDir: string | null } => {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, clusterDir: null };
  const dir = mkdtempSync(join(tmpdir(), 'pulau-bench-pg-'));
  onCleanup('remove the cluster folder', () => rmSync(dir, { recursive: true, force: true }));
  const script = (cmd: 'start' | 'stop') =>
    spawnSync('scripts/pg-throwaway.sh', [cmd, dir], {
      env: { ...process.env, PG_PORT },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  // Registered before the start, so a cluster that started halfway is stopped too.
  onCleanup('stop the throwaway cluster', () => {
    script('stop');
  });
  const started = script('start');
  if (started.status !== 0) throw new Error(`pg-throwaway.sh start failed (exit ${started.status})`);
  return { adminUrl: started.stdout.trim(), clusterDir: dir };
};

const createFreshDatabase = async (adminUrl: string): Promise<{ url: string; version: string }> => {
  const name = `pulau_bench_worksheet_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let version: string;
  try {
    version =
      (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?';
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  onCleanup(`drop database ${name}`, async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      await c.query(`DROP DATABASE IF EXISTS "${name}"`);
    } finally {
      await c.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), version };
};

// ---------------------------------------------------------------------------------------------------------
// Seed: through the use cases, except the evidence rows (the upload feature's tables, written in batches).

type Seeded = { assessmentId: string; emails: string[]; answerCodes: number; items: number; links: number };

const seed = async (database: Database, now: Date): Promise<Seeded> => {
  const { db } = database;
  const template = await lkeTemplate();
  const actor = { id: null, label: 'bench', ip: null };
  const SYSTEM = { userId: 'bench', isSystemAdmin: true, grants: [] };

  const setup = await db.transaction(async (tx) => {
    const agency = await createUnit(tx, {
      input: {
        parentId: null,
        code: 'BENCH',
        name: 'Instansi Bench',
        type: 'instansi',
        region: 'DKI Jakarta',
        isPublicService: false,
        afirmasi: false,
      },
      actor,
      now,
    });
    const unit = await createUnit(tx, {
      input: {
        parentId: agency.id,
        code: 'BENCH-UNIT',
        name: 'Unit Kerja Bench',
        type: 'kabupaten_kota',
        region: 'Kabupaten Sumenep',
        isPublicService: true,
        afirmasi: false,
      },
      actor,
      now,
    });
    const period = await createPeriod(tx, {
      input: {
        agencyId: agency.id,
        year: 2026,
        name: 'Penilaian Mandiri Zona Integritas 2026',
        templateId: LKE_TEMPLATE_ID,
        fillFrom: '2026-02-01',
        fillUntil: '2026-04-30',
        reviewFrom: '2026-05-01',
        reviewUntil: '2026-05-20',
        revisionFrom: '2026-05-21',
        revisionUntil: '2026-05-31',
        requireAllAnswered: true,
        requireExplanation: true,
        requireEvidence: true,
      },
      actor,
      now,
    });
    const { assessment } = await createAssessment(tx, {
      input: {
        periodId: period.id,
        unitId: unit.id,
        target: 'WBK',
        alreadyWbk: false,
        carryFromPrevious: false,
      },
      actor,
      now,
    });
    return { unitId: unit.id, assessmentId: assessment.id };
  });

  // 50 people of the unit's ZI team, area 1: each may read the assessment. argon2 makes this the slow part.
  const users: { id: string; email: string }[] = [];
  for (let i = 0; i < USERS; i++) {
    const email = `anggota${String(i + 1).padStart(2, '0')}@bench.pulau`;
    const user = await db.transaction(async (tx) => {
      const { user: created } = await createUser(tx, {
        input: { email, name: `Anggota Tim ${i + 1}`, homeUnitId: setup.unitId, password: PASSWORD },
        actor,
        now,
      });
      await addGrant(tx, {
        userId: created.id,
        input: { unitId: setup.unitId, role: 'team_member', area: 1 },
        who: SYSTEM,
        actor,
        now,
      });
      return created;
    });
    users.push({ id: user.id, email });
  }
  const writer = users[0];
  if (!writer) throw new Error('USERS must be at least 1');

  // Every answer code of the template (113 items; a ratio item is answered through its count inputs).
  const answers = Object.entries(bestAnswers(template));
  await db.transaction(async (tx) => {
    for (const [code, value] of answers)
      await saveAnswer(tx, {
        assessmentId: setup.assessmentId,
        code,
        input: {
          version: 0,
          value,
          explanation: `Telah dilaksanakan sesuai ketentuan; lihat data dukung ${code}.`,
        },
        actor: { id: writer.id, label: writer.email, ip: null },
        now,
      });
  });

  // 500 files, one link each, spread round-robin over the 113 items (4 or 5 per item).
  const itemCodes = template.items.map((item) => item.code);
  const rows = Array.from({ length: EVIDENCE }, (_, i) => {
    const content = `bench evidence ${i} ${randomUUID()}`;
    const sha256 = createHash('sha256').update(content).digest('hex');
    const size = 40_000 + ((i * 7919) % 4_000_000);
    const evidenceId = randomUUID();
    const versionId = randomUUID();
    const code = itemCodes[i % itemCodes.length] ?? '';
    const linkedAt = new Date(now.getTime() + i * 1000);
    return {
      blob: { sha256, size, mime: 'application/pdf', storageKey: sha256, createdAt: linkedAt },
      evidence: {
        id: evidenceId,
        unitId: setup.unitId,
        title: `Data dukung ${code} no. ${Math.floor(i / itemCodes.length) + 1}`,
        description: 'Dokumen pendukung penilaian mandiri.',
        effectiveDate: '2026-01-15',
        currentVersionId: versionId,
        createdBy: writer.id,
        createdAt: linkedAt,
        updatedAt: linkedAt,
      },
      version: {
        id: versionId,
        evidenceId,
        blobSha256: sha256,
        filename: `data-dukung-${String(i + 1).padStart(3, '0')}.pdf`,
        mime: 'application/pdf',
        size,
        uploadedBy: writer.id,
        uploadedAt: linkedAt,
      },
      link: {
        evidenceId,
        assessmentId: setup.assessmentId,
        code,
        checklistIndex: i % 3 === 0 ? null : i % 3,
        linkedBy: writer.id,
        linkedAt,
      },
    };
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await db.transaction(async (tx) => {
      await tx.insert(blobs).values(batch.map((r) => r.blob));
      // current_version_id carries no foreign key, so the evidence can name its version before it exists.
      await tx.insert(evidence).values(batch.map((r) => r.evidence));
      await tx.insert(evidenceVersions).values(batch.map((r) => r.version));
      await tx.insert(evidenceLinks).values(batch.map((r) => r.link));
    });
  }
  return {
    assessmentId: setup.assessmentId,
    emails: users.map((u) => u.email),
    answerCodes: answers.length,
    items: template.items.length,
    links: rows.length,
  };
};

// ---------------------------------------------------------------------------------------------------------
// HTTP: one keep-alive socket per worker.

type Reply = { status: number; body: Buffer; headers: http.IncomingHttpHeaders };

const request = (
  agent: http.Agent,
  port: number,
  options: { method: 'GET' | 'POST'; path: string; cookie?: string; json?: unknown },
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const payload = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        agent,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });

type Worker = { agent: http.Agent; cookie: string };

const logIn = async (port: number, email: string): Promise<Worker> => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const res = await request(agent, port, {
    method: 'POST',
    path: '/api/auth/login',
    json: { email, password: PASSWORD },
  });
  if (res.status !== 200)
    throw new Error(`login ${email}: ${res.status} ${res.body.toString().slice(0, 300)}`);
  const cookie = (res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('pulau_session='));
  if (!cookie) throw new Error(`login ${email}: no pulau_session cookie`);
  return { agent, cookie };
};

// ---------------------------------------------------------------------------------------------------------
// Load phases, and what they cost: the server's memory and CPU, the client's CPU, PostgreSQL's CPU.

const procStatusMb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
};

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
/** Fields of /proc/<pid>/stat after the command name: [0] is field 3 (state), [1] ppid, [11] utime, [12] stime. */
const statFields = (pid: number | string): string[] | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
};
const cpuSeconds = (pid: number): number => {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) / TICKS : 0;
};
/** The postmaster of the throwaway cluster and its children (backends, checkpointer, WAL writer...). */
const postgresCpu = (clusterDir: string | null): Map<number, number> | null => {
  if (!clusterDir) return null;
  const postmaster = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const cpu = new Map([[postmaster, cpuSeconds(postmaster)]]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(entry);
    if (f && Number(f[1]) === postmaster) cpu.set(Number(entry), (Number(f[11]) + Number(f[12])) / TICKS);
  }
  return cpu;
};
/** CPU used between two snapshots; a backend that ended in between is lost (rare: the pool keeps its connections). */
const postgresCpuBetween = (before: Map<number, number> | null, after: Map<number, number> | null) =>
  before && after ? [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0) : null;

type Target = { name: 'worksheet' | 'bare'; path: string; cookie: boolean };
type LoadContext = { server: SpawnedServer; workers: Worker[]; clusterDir: string | null };

type Phase = {
  target: Target['name'] | 'mixed';
  latencies: number[];
  /** Responses that arrived within the window (the rest were sent in it and drained after). */
  inWindow: number;
  errors: Map<string, number>;
  sizes: Set<number>;
  windowS: number;
  drainS: number;
  rss: { before: number; after: number; peak: number };
  cpu: { server: number; client: number; postgres: number | null };
};

/** Every worker sends its next request as soon as the previous answer has been read, for `seconds`. */
const runPhase = async (
  { server, workers, clusterDir }: LoadContext,
  seconds: number,
  targetOf: (worker: number, n: number) => Target,
): Promise<Phase> => {
  const pid = server.child.pid ?? 0;
  const rssBefore = procStatusMb(pid, 'VmRSS');
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, procStatusMb(pid, 'VmRSS'))), 250);
  const cpu0 = { server: cpuSeconds(pid), client: process.cpuUsage(), postgres: postgresCpu(clusterDir) };
  const latencies: number[] = [];
  let inWindow = 0;
  const errors = new Map<string, number>();
  const sizes = new Set<number>();
  const names = new Set<Target['name']>();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    workers.map(async (worker, w) => {
      for (let n = 0; performance.now() < end; n++) {
        const target = targetOf(w, n);
        names.add(target.name);
        const t0 = performance.now();
        try {
          const res = await request(worker.agent, server.port, {
            method: 'GET',
            path: target.path,
            cookie: target.cookie ? worker.cookie : undefined,
          });
          latencies.push(performance.now() - t0);
          if (performance.now() <= end) inWindow++;
          if (res.status === 200) sizes.add(res.body.length);
          else {
            const key = `${target.path} → ${res.status} ${res.body.toString().slice(0, 160)}`;
            errors.set(key, (errors.get(key) ?? 0) + 1);
          }
        } catch (error) {
          latencies.push(performance.now() - t0);
          const key = `${target.path} → ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  const drainS = (performance.now() - end) / 1000;
  clearInterval(sampler);
  const clientCpu = process.cpuUsage(cpu0.client);
  const cpu = {
    server: cpuSeconds(pid) - cpu0.server,
    client: (clientCpu.user + clientCpu.system) / 1e6,
    postgres: postgresCpuBetween(cpu0.postgres, postgresCpu(clusterDir)),
  };
  const rssAfter = procStatusMb(pid, 'VmRSS');
  const [only] = names;
  return {
    target: names.size === 1 && only ? only : 'mixed',
    latencies,
    inWindow,
    errors,
    sizes,
    windowS: seconds,
    drainS,
    rss: { before: rssBefore, after: rssAfter, peak: Math.max(rssPeak, rssAfter) },
    cpu,
  };
};

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? NaN : (sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN);
const round = (x: number, digits = 1) => +x.toFixed(digits);

/** The phases of one route pooled: exact percentiles over every request, rps per phase for the spread. */
const summarize = (phases: Phase[], concurrency: number) => {
  const sorted = phases.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const windowS = phases.reduce((s, p) => s + p.windowS, 0);
  const inWindow = phases.reduce((s, p) => s + p.inWindow, 0);
  const errors = new Map<string, number>();
  for (const p of phases) for (const [k, n] of p.errors) errors.set(k, (errors.get(k) ?? 0) + n);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const rpsPerPhase = phases.map((p) => round(p.inWindow / p.windowS));
  const cpu = (k: 'server' | 'client') => phases.reduce((s, p) => s + p.cpu[k], 0);
  const pgCpu = phases.every((p) => p.cpu.postgres !== null)
    ? phases.reduce((s, p) => s + (p.cpu.postgres ?? 0), 0)
    : null;
  const perRequestMs = (cpuS: number) => round((cpuS * 1000) / sorted.length, 2);
  return {
    concurrency,
    duration_s: round(windowS, 2),
    drain_s_max: round(Math.max(...phases.map((p) => p.drainS)), 2),
    phases: phases.length,
    requests: sorted.length,
    /** Responses within the windows over their length; latencies cover every request sent in them. */
    rps: round(inWindow / windowS),
    rps_per_phase: rpsPerPhase,
    median_ms: round(percentile(sorted, 50), 2),
    p50_ms: round(percentile(sorted, 50), 2),
    p95_ms: round(percentile(sorted, 95), 2),
    p99_ms: round(percentile(sorted, 99), 2),
    max_ms: round(sorted.at(-1) ?? NaN, 2),
    errors: errorCount,
    error_kinds: Object.fromEntries(errors),
    response_bytes: [...new Set(phases.flatMap((p) => [...p.sizes]))].sort((a, b) => a - b),
    server_rss_mb: {
      before: round(phases[0]?.rss.before ?? NaN),
      after: round(phases.at(-1)?.rss.after ?? NaN),
      peak_sampled: round(Math.max(...phases.map((p) => p.rss.peak))),
    },
    cpu_ms_per_request: {
      server: perRequestMs(cpu('server')),
      client: perRequestMs(cpu('client')),
      postgres: pgCpu === null ? null : perRequestMs(pgCpu),
    },
    runs: sorted.length,
  };
};

/** One request at a time from one user: the route's own cost, without queueing behind 49 others. */
const unloaded = async (server: SpawnedServer, worker: Worker, target: Target, n: number) => {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await request(worker.agent, server.port, {
      method: 'GET',
      path: target.path,
      cookie: target.cookie ? worker.cookie : undefined,
    });
    ms.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${target.path}: ${res.status}`);
  }
  const sorted = ms.sort((a, b) => a - b);
  return {
    requests: n,
    median_ms: round(percentile(sorted, 50), 2),
    p95_ms: round(percentile(sorted, 95), 2),
  };
};

// ---------------------------------------------------------------------------------------------------------

const main = async () => {
  const { adminUrl, clusterDir } = startPostgres();
  step(clusterDir ? `throwaway PostgreSQL cluster on port ${PG_PORT}` : 'PostgreSQL from DATABASE_URL');
  const { url, version } = await createFreshDatabase(adminUrl);
  step(`fresh database ${new URL(url).pathname.slice(1)} (PostgreSQL ${version}); migrating and seeding`);

  const seedStarted = performance.now();
  const database = await openDatabase({ kind: 'postgres', url });
  let seeded: Seeded;
  try {
    seeded = await seed(database, new Date());
  } finally {
    await database.close();
  }
  step(
    `seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s: ${seeded.items} items, ` +
      `${seeded.answerCodes} answers, ${seeded.links} evidence files, ${seeded.emails.length} users`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'pulau-bench-data-'));
  onCleanup('remove the server data folder', () => rmSync(dataDir, { recursive: true, force: true }));
  const server = await spawnServer({
    DATABASE_URL: url,
    PULAU_LOG_LEVEL: 'warn',
    PULAU_DATA_DIR: dataDir,
    // 50 logins from one address within a minute; the default (20/min) would refuse most of them.
    PULAU_LOGIN_RATE_PER_MINUTE: '1000',
  });
  onCleanup('stop the server', async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
      server.child.kill('SIGTERM');
      await server.exited;
      clearTimeout(timer);
    }
  });
  const pid = server.child.pid ?? 0;
  const rssStart = procStatusMb(pid, 'VmRSS');
  step(
    `server pid ${pid} on port ${server.port}, RSS ${rssStart.toFixed(0)} MB; logging in ${seeded.emails.length} users`,
  );

  const workers: Worker[] = [];
  onCleanup('close client sockets', () => workers.forEach((w) => w.agent.destroy()));
  for (const email of seeded.emails) workers.push(await logIn(server.port, email));
  const [firstWorker] = workers;
  if (!firstWorker) throw new Error('no users');
  const ctx: LoadContext = { server, workers, clusterDir };

  const worksheet: Target = {
    name: 'worksheet',
    path: `/api/assessments/${seeded.assessmentId}/worksheet`,
    cookie: true,
  };
  const bare: Target = { name: 'bare', path: '/api/health', cookie: false };

  // Check the shape once, so a figure never comes from an empty or refused worksheet.
  const first = await request(firstWorker.agent, server.port, {
    method: 'GET',
    path: worksheet.path,
    cookie: firstWorker.cookie,
  });
  if (first.status !== 200)
    throw new Error(`worksheet: ${first.status} ${first.body.toString().slice(0, 300)}`);
  const sheet = JSON.parse(first.body.toString()) as { answers: unknown[]; evidence: unknown[] };
  if (sheet.answers.length !== seeded.answerCodes || sheet.evidence.length !== seeded.links)
    throw new Error(`worksheet has ${sheet.answers.length} answers and ${sheet.evidence.length} links`);
  step(
    `worksheet: ${sheet.answers.length} answers, ${sheet.evidence.length} evidence links, ${first.body.length} bytes`,
  );

  const loadBefore = loadavg();
  step(`warm-up ${WARMUP_S} s (both routes, alternating)`);
  const rssBeforeWarmup = procStatusMb(pid, 'VmRSS');
  const warmup = await runPhase(ctx, WARMUP_S, (w, n) => ((w + n) % 2 === 0 ? worksheet : bare));
  if (warmup.errors.size > 0) console.log('warm-up errors:', Object.fromEntries(warmup.errors));

  const single = {
    subject: await unloaded(server, firstWorker, worksheet, 200),
    baseline: await unloaded(server, firstWorker, bare, 200),
  };

  // ROUNDS rounds of DURATION_S / ROUNDS per route, the order alternating (W B, B W, W B...), so a neighbour's
  // burst of CPU on this shared machine lands on both routes rather than on one.
  const phaseS = DURATION_S / ROUNDS;
  const phases: Phase[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const target of r % 2 === 0 ? [worksheet, bare] : [bare, worksheet]) {
      step(`round ${r + 1}/${ROUNDS}: ${target.path}, ${phaseS} s, ${workers.length} users`);
      phases.push(await runPhase(ctx, phaseS, () => target));
    }
  }
  const subject = summarize(
    phases.filter((p) => p.target === 'worksheet'),
    workers.length,
  );
  const baseline = summarize(
    phases.filter((p) => p.target === 'bare'),
    workers.length,
  );
  const rssEnd = procStatusMb(pid, 'VmRSS');
  const hwm = procStatusMb(pid, 'VmHWM');
  const loadAfter = loadavg();

  const result = {
    name: 'worksheet',
    date: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    load_average_1m: { before: round(loadBefore[0] ?? NaN, 2), after: round(loadAfter[0] ?? NaN, 2) },
    postgres: { version, throwaway_cluster: clusterDir !== null, server_pool_size: 10 },
    input: {
      items: seeded.items,
      answers: seeded.answerCodes,
      evidence_files: seeded.links,
      evidence_links: seeded.links,
      users: seeded.emails.length,
      worksheet_bytes: first.body.length,
    },
    load: {
      generator: 'closed loop in the bench process, node:http, one keep-alive socket and session per user',
      concurrency: workers.length,
      warmup_s: WARMUP_S,
      duration_s_per_route: DURATION_S,
      rounds: ROUNDS,
      order: 'warm-up (both routes), one user alone (200 requests each), then rounds alternating W B / B W',
    },
    subject: {
      what: `GET /api/assessments/:id/worksheet, ${workers.length} logged-in team members at once`,
      ...subject,
    },
    baseline: {
      what: 'GET /api/health on the same server (one SELECT 1, no cookie, no session lookup), same users',
      ...baseline,
    },
    one_user_at_a_time: single,
    server_rss_mb: {
      after_start: round(rssStart),
      before_warmup: round(rssBeforeWarmup),
      end: round(rssEnd),
      vm_hwm: round(hwm),
    },
    ratios: {
      rps_subject_over_baseline: round(subject.rps / baseline.rps, 3),
      p95_subject_over_baseline: round(subject.p95_ms / baseline.p95_ms, 1),
    },
  };
  writeResult('worksheet', result);

  const row = (r: typeof subject) => ({
    requests: r.requests,
    rps: r.rps,
    'rps min–max': `${Math.min(...r.rps_per_phase)}–${Math.max(...r.rps_per_phase)}`,
    'p50 ms': r.p50_ms,
    'p95 ms': r.p95_ms,
    'p99 ms': r.p99_ms,
    errors: r.errors,
    'bytes/resp': r.response_bytes.join(','),
    'RSS before→after MB': `${r.server_rss_mb.before}→${r.server_rss_mb.after}`,
    'RSS peak MB': r.server_rss_mb.peak_sampled,
    'server CPU ms/req': r.cpu_ms_per_request.server,
    'PG CPU ms/req': r.cpu_ms_per_request.postgres ?? '–',
  });
  console.table({
    [`worksheet, ${workers.length} users`]: row(subject),
    [`bare /api/health, ${workers.length} users`]: row(baseline),
  });
  console.table({ 'worksheet, 1 user': single.subject, 'bare, 1 user': single.baseline });
  console.log(
    'ratios:',
    result.ratios,
    ` server RSS: ${result.server_rss_mb.after_start} MB after start, ${result.server_rss_mb.end} MB at the end,` +
      ` VmHWM ${result.server_rss_mb.vm_hwm} MB; load average ${result.load_average_1m.before} → ${result.load_average_1m.after}`,
  );
  for (const [label, r] of [
    ['worksheet', subject],
    ['bare', baseline],
  ] as const)
    if (r.errors > 0) console.log(`${label} errors:`, r.error_kinds);
  if (subject.errors > 0 || baseline.errors > 0) process.exitCode = 1;
};

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
