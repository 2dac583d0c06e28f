/** Node socket errors and PostgreSQL SQLSTATEs that mean "the database is not reachable now", not "bad query". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
]);
const UNREACHABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'connect ECONNREFUSED',
];

/** The error and its causes (drizzle wraps the driver's error in `cause`). */
const chain = (error: unknown): Array<{ code?: unknown; message?: unknown; name?: unknown }> => {
  const out = [];
  let current = error;
  for (let i = 0; i < 5 && current && typeof current === 'object'; i++) {
    out.push(current as { code?: unknown; message?: unknown; name?: unknown });
    current = (current as { cause?: unknown }).cause;
  }
  return out;
};

export const isDatabaseUnavailable = (error: unknown): boolean =>
  chain(error).some((e) => {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE_CODES.has(code) || code.startsWith('08')) return true; // class 08: connection exception
    const message = typeof e.message === 'string' ? e.message : '';
    return UNREACHABLE_MESSAGES.some((m) => message.includes(m));
  });

/** A blob the database names but the store no longer has (disk store: ENOENT; S3: NoSuchKey / 404). */
export const isBlobMissing = (error: unknown): boolean =>
  chain(error).some(
    (e) =>
      (e.code === 'ENOENT' &&
        typeof e.message === 'string' &&
        /^blob [0-9a-f]{64} missing/.test(e.message)) ||
      e.name === 'NoSuchKey',
  );
