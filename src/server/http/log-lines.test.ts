import { describe, expect, it } from 'vitest';
import { formatLogLine, readableLogStream, wantsJsonLogs } from './log-lines.ts';

describe('a calm terminal', () => {
  it('turns a pino record into one readable line', () => {
    const line = formatLogLine(
      JSON.stringify({
        level: 30,
        time: Date.UTC(2026, 11, 7, 3, 4, 5),
        pid: 1,
        hostname: 'h',
        reqId: 'req-1',
        msg: 'GET /api/units 200 12 ms',
      }),
    );
    expect(line).toBe('03:04:05 INFO  GET /api/units 200 12 ms');
    expect(formatLogLine(JSON.stringify({ level: 40, time: 0, msg: 'slow', dropped: 3, why: 'a b' }))).toBe(
      '00:00:00 WARN  slow dropped=3 why="a b"',
    );
    expect(formatLogLine('not json')).toBe('not json');
  });

  it('keeps the stack of an error on the lines after it', () => {
    const line = formatLogLine(
      JSON.stringify({
        level: 50,
        time: 0,
        msg: 'request failed',
        err: { message: 'boom', stack: 'Error: boom\n  at x' },
      }),
    );
    expect(line).toBe('00:00:00 ERROR request failed err="boom"\nError: boom\n  at x');
  });

  it('writes each JSON line of a chunk as its own line', async () => {
    const out: string[] = [];
    const stream = readableLogStream({
      write: (s: string) => out.push(s),
    } as unknown as NodeJS.WritableStream);
    await new Promise<void>((done) =>
      stream.write(
        `${JSON.stringify({ level: 30, time: 0, msg: 'a' })}\n${JSON.stringify({ level: 30, time: 0, msg: 'b' })}\n`,
        () => done(),
      ),
    );
    expect(out).toEqual(['00:00:00 INFO  a\n', '00:00:00 INFO  b\n']);
  });

  it('uses JSON in production or when asked, lines otherwise', () => {
    expect(wantsJsonLogs({ NODE_ENV: 'production' })).toBe(true);
    expect(wantsJsonLogs({ PULAU_LOG_FORMAT: 'json' })).toBe(true);
    expect(wantsJsonLogs({ NODE_ENV: 'production', PULAU_LOG_FORMAT: 'pretty' })).toBe(false);
    expect(wantsJsonLogs({})).toBe(false);
  });
});
