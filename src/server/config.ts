import { resolve } from 'node:path';
import { z } from 'zod';

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting comes from the environment, checked once at start so a typo fails loudly, not at 3 a.m. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  /** Connections each process keeps to PostgreSQL; processes × size must stay under the server's max_connections. */
  PULAU_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  PULAU_DATA_DIR: z.string().default('./data'),
  PULAU_WEB_DIR: z.string().default('./dist/web'),
  /** `warn` keeps the terminal calm; `info` adds one line per request. */
  PULAU_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** Behind HTTPS (directly or via a proxy that sets X-Forwarded-Proto): cookies get the Secure flag. */
  PULAU_SECURE_COOKIES: Bool.optional(),
  /**
   * The proxies in front: a hop count (`1` = one load balancer) or their addresses/CIDRs (`10.0.0.5,10.1.0.0/16`,
   * also `loopback`, `uniquelocal`). Unset or `false` = none. `true` is refused: trusting every hop lets any client
   * write its own X-Forwarded-For and escape the per-address limits.
   */
  PULAU_TRUST_PROXY: z.string().optional(),
  PULAU_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  PULAU_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  PULAU_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  PULAU_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  PULAU_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Downloads built on request (PDF, spreadsheets, CSV) per address and minute. */
  PULAU_EXPORT_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  PULAU_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(2_500_000),
  /** Evidence bytes: local disk under the data dir (default) or S3-compatible object storage. */
  PULAU_STORAGE: z.enum(['disk', 's3']).default('disk'),
  PULAU_S3_ENDPOINT: z.url().optional(),
  PULAU_S3_BUCKET: z.string().min(1).optional(),
  PULAU_S3_REGION: z.string().min(1).default('us-east-1'),
  PULAU_S3_ACCESS_KEY: z.string().min(1).optional(),
  PULAU_S3_SECRET_KEY: z.string().min(1).optional(),
  /** MinIO, Ceph and most self-hosted S3 need path-style URLs (no bucket sub-domain). */
  PULAU_S3_FORCE_PATH_STYLE: Bool.default(false),
  PULAU_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(2 * 1024 ** 3),
  /** Public survey submissions per address and minute: high enough for a counter behind one office NAT. */
  PULAU_SURVEY_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Salt of the address and device hashes and proof-of-work; when absent one is generated once and kept in the database. */
  PULAU_HASH_SALT: z.string().min(16).optional(),
  /** Days a survey respondent's salted address hash is kept (for repeat detection) before it is dropped. */
  PULAU_SURVEY_ADDRESS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** The public origin of the survey links and QR codes (e.g. https://zi.example.go.id); else the request's Host. */
  PULAU_PUBLIC_URL: z.url().optional(),
  /** SMTP server of the workflow e-mail (smtp://user:pass@host:587, smtps://…); absent = e-mail is not sent. */
  PULAU_SMTP_URL: z.url().optional(),
  /** The sender of that e-mail. */
  PULAU_MAIL_FROM: z.string().min(3).default('Pulau <pulau@localhost>'),
  /** Attempts per e-mail before it is marked failed (with backoff between them). */
  PULAU_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** An e-mail still unsent after this many hours is dropped as stale (e.g. when SMTP was configured late). */
  PULAU_MAIL_MAX_AGE_HOURS: z.coerce.number().int().min(1).default(72),
});

export type S3Settings = {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

export type Config = {
  port: number;
  host: string;
  database: { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  webDir: string;
  logLevel: z.infer<typeof Env>['PULAU_LOG_LEVEL'];
  secureCookies: boolean | 'auto';
  /** Fastify's trustProxy: false (no proxy), a hop count, or the proxies' addresses and CIDRs. */
  trustProxy: false | number | string[];
  session: { idleMs: number; absoluteMs: number };
  login: { maxFailures: number; lockMs: number; ratePerMinute: number };
  exportRatePerMinute: number;
  bodyLimit: number;
  /** Where files live whatever the database: blobs/ (disk store) and uploads/ (tus staging). */
  dataDir: string;
  storage: { kind: 'disk' } | ({ kind: 's3' } & S3Settings);
  uploadMaxBytes: number;
  survey: {
    ratePerMinute: number;
    hashSalt: string | null;
    publicUrl: string | null;
    addressRetentionDays: number;
  };
  /** Workflow e-mail: `smtpUrl` null = disabled (the outbox keeps rows pending until they go stale). */
  mail: {
    smtpUrl: string | null;
    from: string;
    maxAttempts: number;
    maxAgeMs: number;
    publicUrl: string | null;
  };
};

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const IPV4_OR_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const IPV6_OR_CIDR = /^[0-9a-f:.]*:[0-9a-f:.]*(\/\d{1,3})?$/i;

const parseTrustProxy = (raw: string | undefined): Config['trustProxy'] => {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0' || value === 'no') return false;
  if (value === 'true' || value === 'yes') {
    throw new Error(
      'Invalid configuration:\n  PULAU_TRUST_PROXY: "true" would trust every X-Forwarded-For hop, so a client could ' +
        'pick its own address; give the number of proxies in front (e.g. 1) or their addresses/CIDRs ' +
        '(e.g. 10.0.0.5,10.1.0.0/16 or loopback)',
    );
  }
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter(
    (entry) => !PROXY_RANGE_NAMES.has(entry) && !IPV4_OR_CIDR.test(entry) && !IPV6_OR_CIDR.test(entry),
  );
  if (bad.length > 0) {
    throw new Error(
      `Invalid configuration:\n  PULAU_TRUST_PROXY: not a hop count, address or CIDR: ${bad.join(', ')}`,
    );
  }
  return entries;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.PULAU_STORAGE === 's3' && !e.PULAU_S3_BUCKET) {
    throw new Error('Invalid configuration:\n  PULAU_S3_BUCKET: PULAU_STORAGE=s3 needs a bucket');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.PULAU_DB_POOL_SIZE }
      : { kind: 'embedded', dataDir: resolve(e.PULAU_DATA_DIR) },
    webDir: resolve(e.PULAU_WEB_DIR),
    logLevel: e.PULAU_LOG_LEVEL,
    secureCookies: e.PULAU_SECURE_COOKIES ?? 'auto',
    trustProxy: parseTrustProxy(e.PULAU_TRUST_PROXY),
    session: {
      idleMs: e.PULAU_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.PULAU_SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    login: {
      maxFailures: e.PULAU_LOGIN_MAX_FAILURES,
      lockMs: e.PULAU_LOGIN_LOCK_MINUTES * 60_000,
      ratePerMinute: e.PULAU_LOGIN_RATE_PER_MINUTE,
    },
    exportRatePerMinute: e.PULAU_EXPORT_RATE_PER_MINUTE,
    bodyLimit: e.PULAU_BODY_LIMIT_BYTES,
    dataDir: resolve(e.PULAU_DATA_DIR),
    storage:
      e.PULAU_STORAGE === 's3' && e.PULAU_S3_BUCKET
        ? {
            kind: 's3',
            endpoint: e.PULAU_S3_ENDPOINT,
            bucket: e.PULAU_S3_BUCKET,
            region: e.PULAU_S3_REGION,
            accessKeyId: e.PULAU_S3_ACCESS_KEY,
            secretAccessKey: e.PULAU_S3_SECRET_KEY,
            forcePathStyle: e.PULAU_S3_FORCE_PATH_STYLE,
          }
        : { kind: 'disk' },
    uploadMaxBytes: e.PULAU_UPLOAD_MAX_BYTES,
    survey: {
      ratePerMinute: e.PULAU_SURVEY_RATE_PER_MINUTE,
      hashSalt: e.PULAU_HASH_SALT ?? null,
      publicUrl: e.PULAU_PUBLIC_URL ? e.PULAU_PUBLIC_URL.replace(/\/+$/, '') : null,
      addressRetentionDays: e.PULAU_SURVEY_ADDRESS_RETENTION_DAYS,
    },
    mail: {
      smtpUrl: e.PULAU_SMTP_URL ?? null,
      from: e.PULAU_MAIL_FROM,
      maxAttempts: e.PULAU_MAIL_MAX_ATTEMPTS,
      maxAgeMs: e.PULAU_MAIL_MAX_AGE_HOURS * 3_600_000,
      publicUrl: e.PULAU_PUBLIC_URL ? e.PULAU_PUBLIC_URL.replace(/\/+$/, '') : null,
    },
  };
};
