import { Writable } from 'node:stream';

/**
 * The terminal, calm: one readable line per log record instead of pino's JSON, which stays the format when
 * NODE_ENV=production or PULAU_LOG_FORMAT=json (for a log collector). Requests get one line each (from the
 * response hook), at `info`, so the default level `warn` prints none of them.
 */

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'v']);

const shortValue = (value: unknown): string => {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  if (typeof value === 'object' && value !== null && 'message' in value)
    return JSON.stringify(String((value as { message: unknown }).message));
  return JSON.stringify(value);
};

/** One pino JSON record as `10:04:05 WARN message key=value`, or the input unchanged if it is not JSON. */
export const formatLogLine = (json: string): string => {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 19) : '';
  const level = LEVELS[Number(record.level)] ?? String(record.level ?? '');
  const extra = Object.entries(record)
    .filter(([key]) => !SKIP.has(key))
    .map(([key, value]) => `${key}=${shortValue(value)}`);
  const err = record.err as { stack?: unknown } | undefined;
  const stack = typeof err?.stack === 'string' && Number(record.level) >= 50 ? `\n${err.stack}` : '';
  return [time, level.padEnd(5), String(record.msg ?? ''), ...extra].filter(Boolean).join(' ') + stack;
};

/** A stream pino writes JSON lines to and the terminal reads lines from. */
export const readableLogStream = (out: NodeJS.WritableStream = process.stdout): Writable =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) out.write(`${formatLogLine(line)}\n`);
      done();
    },
  });

/** JSON for machines when asked (PULAU_LOG_FORMAT=json) or in production; lines for people otherwise. */
export const wantsJsonLogs = (env: NodeJS.ProcessEnv): boolean =>
  env.PULAU_LOG_FORMAT === 'json' || (env.PULAU_LOG_FORMAT !== 'pretty' && env.NODE_ENV === 'production');
