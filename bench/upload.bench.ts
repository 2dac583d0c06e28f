/**
 * Evidence upload throughput and server memory: a 1 GiB file through the HTTP API (tus, 16 MiB PATCHes, to
 * `pulau serve` on loopback, including the finish step that sniffs, hashes and moves the file into the blob
 * store) against the baseline `cp` of the same file on the same disk, interleaved in one run, with a ceiling: the
 * same PATCHes to a bare node:http server that only writes them to disk (what any Node upload costs here). The server's
 * memory is sampled from /proc/<pid>/status during the uploads: growth over its idle RSS, and VmHWM.
 *
 *   npx tsx bench/upload.bench.ts        writes bench/results/upload.json (SIZE_MIB=1024 RUNS=3 CHUNK_MIB=16)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from '../test/support/spawn-server.ts';
import { encodeMetadata } from '../test/support/tus-client.ts';

const SIZE = Number(process.env.SIZE_MIB ?? 1024) * 1024 * 1024;
const CHUNK = Number(process.env.CHUNK_MIB ?? 16) * 1024 * 1024;
const RUNS = Number(process.env.RUNS ?? 3);

const procStatus = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
};

/** An MP4 (ftyp + one mdat box) of random media data, so the upload passes sniffing like a real video. */
const writeVideo = (path: string) => {
  const fd = openSync(path, 'w');
  const ftyp = Buffer.from('000000186674797069736f6d0000000069736f6d6d703431', 'hex');
  const mdatHead = Buffer.alloc(8);
  mdatHead.writeUInt32BE(SIZE - ftyp.length, 0);
  mdatHead.write('mdat', 4, 'latin1');
  writeSync(fd, Buffer.concat([ftyp, mdatHead]));
  let written = ftyp.length + 8;
  while (written < SIZE) {
    const block = randomBytes(Math.min(16 * 1024 * 1024, SIZE - written));
    writeSync(fd, block);
    written += block.length;
  }
  closeSync(fd);
};

/** A different byte per run: every upload is new content, so no run is saved by deduplication. */
const markRun = (path: string, run: number) => {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from([run & 0xff, (run >> 8) & 0xff]), 0, 2, 100);
  closeSync(fd);
};

/** User + system CPU seconds of a process so far (clock ticks of 1/100 s). */
const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** The ceiling: a bare node:http server writing each PATCH body at its Upload-Offset, in its own process. */
const RAW_SERVER = `
const http = require('node:http'), fs = require('node:fs'), { pipeline } = require('node:stream/promises');
const server = http.createServer(async (req, res) => {
  const offset = Number(req.headers['upload-offset'] ?? 0);
  const exists = fs.existsSync(process.env.TARGET);
  await pipeline(req, fs.createWriteStream(process.env.TARGET, { flags: exists ? 'r+' : 'w', start: offset }));
  res.writeHead(204).end();
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

const startRawServer = (target: string): Promise<{ url: string; child: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', RAW_SERVER], {
      env: { ...process.env, TARGET: target },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('error', reject);
    child.stdout?.once('data', (d: Buffer) =>
      resolve({ url: `http://127.0.0.1:${d.toString().trim()}/`, child }),
    );
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

const main = async () => {
  const work = mkdtempSync(join(tmpdir(), 'pulau-upload-bench-'));
  const source = join(work, 'rapat.mp4');
  const copy = join(work, 'copy.mp4');
  const dataDir = join(work, 'data');
  const rawTarget = join(work, 'raw.bin');
  let server: SpawnedServer | null = null;
  let rawServer: { url: string; child: ChildProcess } | null = null;
  try {
    writeVideo(source);
    server = await spawnServer({
      PULAU_DATA_DIR: dataDir,
      PULAU_WEB_DIR: join(work, 'no-web'),
    });
    const pid = server.child.pid ?? 0;
    const bare = await startRawServer(rawTarget);
    rawServer = bare;
    const url = server.url;
    const setup = await fetch(`${url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        agency: { code: 'BENCH', name: 'Instansi Bench' },
        admin: { name: 'Admin', email: 'admin@bench.test', password: 'kata-sandi-bench-123' },
      }),
    });
    if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const units = (await (await fetch(`${url}/api/units`, { headers: { cookie } })).json()) as {
      units: Array<{ id: string }>;
    };
    const unitId = units.units[0]?.id ?? '';
    const headers = { cookie, 'x-csrf-token': csrfToken, 'tus-resumable': '1.0.0' };

    /** Sends `bytes` of the source as sequential PATCHes of CHUNK bytes, as a tus client (Uppy) does. */
    const sendChunks = async (location: string, bytes: number, extra: Record<string, string>) => {
      const fd = openSync(source, 'r');
      const buffer = Buffer.alloc(CHUNK);
      try {
        for (let offset = 0; offset < bytes;) {
          const n = readSync(fd, buffer, 0, Math.min(CHUNK, bytes - offset), offset);
          const res = await fetch(location, {
            method: 'PATCH',
            headers: {
              ...extra,
              'upload-offset': String(offset),
              'content-type': 'application/offset+octet-stream',
            },
            body: buffer.subarray(0, n),
          });
          if (res.status !== 204) throw new Error(`patch: ${res.status} ${await res.text()}`);
          offset += n;
        }
      } finally {
        closeSync(fd);
      }
    };
    const upload = async (bytes: number): Promise<number> => {
      const started = performance.now();
      const created = await fetch(`${url}/api/uploads`, {
        method: 'POST',
        headers: {
          ...headers,
          'upload-length': String(bytes),
          'upload-metadata': encodeMetadata({ unitId, filename: 'rapat.mp4' }),
        },
      });
      if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
      await sendChunks(new URL(created.headers.get('location') ?? '', url).toString(), bytes, headers);
      return performance.now() - started;
    };
    const raw = async (bytes: number): Promise<number> => {
      const started = performance.now();
      await sendChunks(bare.url, bytes, {});
      rmSync(rawTarget, { force: true });
      return performance.now() - started;
    };
    const cp = (): number => {
      const started = performance.now();
      const out = spawnSync('cp', [source, copy]);
      if (out.status !== 0) throw new Error(`cp failed: ${out.stderr.toString()}`);
      const ms = performance.now() - started;
      rmSync(copy, { force: true });
      return ms;
    };

    // Warm-up: JIT, page cache of the source, the first session and blob folders.
    markRun(source, 0);
    await upload(64 * 1024 * 1024);
    await raw(64 * 1024 * 1024);
    cp();
    await new Promise((r) => setTimeout(r, 1000));
    const idleRss = procStatus(pid, 'VmRSS');
    const hwmBefore = procStatus(pid, 'VmHWM');

    let peakRss = idleRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, procStatus(pid, 'VmRSS'));
    }, 25);
    const uploads: number[] = [];
    const cps: number[] = [];
    const raws: number[] = [];
    const serverCpu: number[] = [];
    const loadBefore = loadavg()[0] ?? 0;
    for (let run = 1; run <= RUNS; run++) {
      markRun(source, run);
      cps.push(cp());
      raws.push(await raw(SIZE));
      const cpuBefore = cpuSeconds(pid);
      uploads.push(await upload(SIZE));
      serverCpu.push(cpuSeconds(pid) - cpuBefore);
      rmSync(join(dataDir, 'blobs'), { recursive: true, force: true });
    }
    clearInterval(sampler);
    const hwmAfter = procStatus(pid, 'VmHWM');

    const mib = SIZE / 1024 / 1024;
    const subject = {
      what: `tus upload of a ${mib} MiB MP4 in ${CHUNK / 1024 / 1024} MiB PATCHes to pulau serve on loopback (incl. sniff, SHA-256, move to blob store)`,
      median_ms: Math.round(median(uploads)),
      min_ms: Math.round(Math.min(...uploads)),
      max_ms: Math.round(Math.max(...uploads)),
      median_mib_s: round(mib / (median(uploads) / 1000)),
      server_cpu_s_median: round(median(serverCpu), 2),
      runs: RUNS,
    };
    const baseline = {
      what: `cp of the same ${mib} MiB file on the same disk`,
      median_ms: Math.round(median(cps)),
      min_ms: Math.round(Math.min(...cps)),
      max_ms: Math.round(Math.max(...cps)),
      median_mib_s: round(mib / (median(cps) / 1000)),
      runs: RUNS,
    };
    const ceiling = {
      what: `the same PATCHes to a bare node:http server (another process) that only writes them to a file: no session, tus, sniffing or hashing`,
      median_ms: Math.round(median(raws)),
      min_ms: Math.round(Math.min(...raws)),
      max_ms: Math.round(Math.max(...raws)),
      median_mib_s: round(mib / (median(raws) / 1000)),
      runs: RUNS,
    };
    const memory = {
      idle_rss_mb: round(idleRss),
      peak_rss_during_uploads_mb: round(peakRss),
      rss_growth_mb: round(peakRss - idleRss),
      vm_hwm_before_mb: round(hwmBefore),
      vm_hwm_after_mb: round(hwmAfter),
    };
    const result = {
      name: 'upload',
      date: new Date().toISOString(),
      node: process.version,
      cores: availableParallelism(),
      size_bytes: SIZE,
      chunk_bytes: CHUNK,
      // The machine is shared: a high load average explains a slow run better than the code does.
      load_average_1m: { before: round(loadBefore, 2), after: round(loadavg()[0] ?? 0, 2) },
      subject,
      baseline,
      ceiling,
      ratios: {
        upload_speed_over_cp: round(median(cps) / median(uploads), 2),
        bare_http_speed_over_cp: round(median(cps) / median(raws), 2),
        upload_speed_over_bare_http: round(median(raws) / median(uploads), 2),
      },
      memory,
      targets: { upload_speed_over_cp_at_least: 0.5, rss_growth_mb_under: 100 },
    };
    writeFileSync(new URL('./results/upload.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
    console.table({
      upload: {
        median_ms: subject.median_ms,
        min_ms: subject.min_ms,
        max_ms: subject.max_ms,
        mib_s: subject.median_mib_s,
      },
      'bare node:http': {
        median_ms: ceiling.median_ms,
        min_ms: ceiling.min_ms,
        max_ms: ceiling.max_ms,
        mib_s: ceiling.median_mib_s,
      },
      cp: {
        median_ms: baseline.median_ms,
        min_ms: baseline.min_ms,
        max_ms: baseline.max_ms,
        mib_s: baseline.median_mib_s,
      },
    });
    console.table({
      'upload speed / cp speed': result.ratios.upload_speed_over_cp,
      'bare node:http speed / cp speed': result.ratios.bare_http_speed_over_cp,
      'upload speed / bare node:http speed': result.ratios.upload_speed_over_bare_http,
      'server CPU s per upload (median)': subject.server_cpu_s_median,
      'load average 1 min before / after': `${result.load_average_1m.before} / ${result.load_average_1m.after}`,
      'server RSS idle (MB)': memory.idle_rss_mb,
      'server RSS peak during uploads (MB)': memory.peak_rss_during_uploads_mb,
      'server RSS growth (MB)': memory.rss_growth_mb,
      'server VmHWM before / after (MB)': `${memory.vm_hwm_before_mb} / ${memory.vm_hwm_after_mb}`,
    });
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rawServer?.child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
};

await main();
