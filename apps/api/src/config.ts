import { z } from 'zod';
import path from 'node:path';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LYKT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LYKT_MASTER_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  LYKT_DEMO: booleanFromEnv.optional(),
  LYKT_DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LYKT_PUBLIC_URL: z.url('must be a full URL such as https://lykt.example.kommune.no').optional(),
  LYKT_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  LYKT_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LYKT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LYKT_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  LYKT_TRUST_PROXY: booleanFromEnv.default(false),
  LYKT_PUBLIC_MUNICIPALITY: z.uuid('must be a municipality id (uuid)').optional(),
  LYKT_SMTP_HOST: z.string().min(1).optional(),
  LYKT_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  LYKT_SMTP_USER: z.string().min(1).optional(),
  LYKT_SMTP_PASSWORD: z.string().min(1).optional(),
  LYKT_SMTP_FROM: z.string().min(3).optional(),
  LYKT_SMTP_TLS: z.enum(['starttls', 'implicit', 'none']).default('starttls'),
  LYKT_NOTIFY_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  LYKT_WEBAUTHN_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]+$/, 'must be a domain name such as lykt.example.kommune.no')
    .refine((value) => !/^[0-9.]+$/.test(value), 'must be a domain name, not an IP address (browsers refuse IP addresses for passkeys)')
    .optional(),
  LYKT_WEBAUTHN_ORIGINS: z.string().min(1).optional(),
  LYKT_OIDC_ALLOW_HTTP: booleanFromEnv.default(false),
  LYKT_METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters (openssl rand -hex 32)').optional(),
  LYKT_RENDER_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  LYKT_RENDER_MEMORY_MB: z.coerce.number().int().min(64).max(16_384).default(512),
  LYKT_RENDER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  LYKT_RENDER_IDLE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  LYKT_RENDER_QUEUE: z.coerce.number().int().min(0).max(10_000).default(20),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  masterKey: Buffer | null;
  demo: boolean;
  demoPassword: string | null;
  publicUrl: string | null;
  secureCookies: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  logLevel: z.infer<typeof EnvSchema>['LYKT_LOG_LEVEL'];
  loginRateLimitPerMinute: number;
  trustProxy: boolean;
  /** The municipality whose public pages and tip form this installation serves; null: the first one created. */
  publicMunicipalityId: string | null;
  /** Outgoing e-mail for notifications; null: notifications stay in the app. */
  smtp: SmtpConfig | null;
  /** How often the notification worker looks for e-mail to send (milliseconds). */
  notifyPollMs: number;
  /** Passkeys: the relying party id (a domain) and the exact origins a WebAuthn response may come from. */
  webauthn: WebAuthnConfig;
  /** Lets OpenID Connect providers be reached over plain HTTP: only for tests with a local provider; refused in production. */
  oidcAllowHttp: boolean;
  /** Bearer token for GET /metrics (Prometheus); null: the endpoint is off. */
  metricsToken: string | null;
  /** Documents (PDF, DOCX, XLSX) are rendered in worker threads: how many at once, and each worker's limits. */
  render: RenderConfig;
  version: string;
};

/**
 * The document workers (platform/documents/render-pool.ts): `workers` renders at once (more wait
 * in a queue), each worker's V8 old-generation heap capped at `memoryMb`, a render stopped after
 * `timeoutMs`, and a worker with nothing to do ended after `idleMs` so its memory goes back. At
 * most `queue` documents wait for a worker; one more is refused at once (RENDER_BUSY).
 */
export type RenderConfig = { workers: number; memoryMb: number; timeoutMs: number; idleMs: number; queue: number };

export type WebAuthnConfig = { rpId: string; rpName: string; origins: string[] };

/** SMTP settings. tls: starttls (required), implicit (port 465) or none (loopback hosts only). */
export type SmtpConfig = { host: string; port: number; user: string | null; password: string | null; from: string; tls: 'starttls' | 'implicit' | 'none' };

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/;

function smtpFrom(e: z.infer<typeof EnvSchema>): SmtpConfig | null {
  if (!e.LYKT_SMTP_HOST) return null;
  const problems: string[] = [];
  if (!e.LYKT_SMTP_FROM) problems.push('LYKT_SMTP_FROM: required with LYKT_SMTP_HOST (the sender address, such as "Lykt <lykt@kommune.no>")');
  if (e.LYKT_SMTP_TLS === 'none' && !LOOPBACK.test(e.LYKT_SMTP_HOST)) problems.push('LYKT_SMTP_TLS: none is allowed only for a relay on this machine (localhost); use starttls or implicit');
  if (Boolean(e.LYKT_SMTP_USER) !== Boolean(e.LYKT_SMTP_PASSWORD)) problems.push('LYKT_SMTP_USER and LYKT_SMTP_PASSWORD: give both or neither');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host: e.LYKT_SMTP_HOST,
    port: e.LYKT_SMTP_PORT ?? (e.LYKT_SMTP_TLS === 'implicit' ? 465 : 587),
    user: e.LYKT_SMTP_USER ?? null,
    password: e.LYKT_SMTP_PASSWORD ?? null,
    from: e.LYKT_SMTP_FROM ?? '',
    tls: e.LYKT_SMTP_TLS,
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export const VERSION = '0.1.0';

/** Reads and validates the environment. Throws ConfigError naming every wrong value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const demo = e.LYKT_DEMO ?? !isProduction;
  if (isProduction && e.DATABASE_URL && !e.LYKT_MASTER_KEY) {
    throw new ConfigError(['LYKT_MASTER_KEY: required with DATABASE_URL in production (openssl rand -base64 32)']);
  }
  if (isProduction && e.LYKT_OIDC_ALLOW_HTTP) {
    throw new ConfigError(['LYKT_OIDC_ALLOW_HTTP: not allowed in production (identity providers are reached over HTTPS only)']);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.LYKT_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    masterKey: e.LYKT_MASTER_KEY ? Buffer.from(e.LYKT_MASTER_KEY, 'base64') : null,
    demo,
    demoPassword: e.LYKT_DEMO_PASSWORD ?? null,
    publicUrl: e.LYKT_PUBLIC_URL ?? null,
    secureCookies: e.LYKT_PUBLIC_URL?.startsWith('https://') ?? false,
    sessionIdleMs: e.LYKT_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.LYKT_SESSION_ABSOLUTE_HOURS * 3_600_000,
    logLevel: e.LYKT_LOG_LEVEL,
    loginRateLimitPerMinute: e.LYKT_LOGIN_RATE_LIMIT,
    trustProxy: e.LYKT_TRUST_PROXY,
    publicMunicipalityId: e.LYKT_PUBLIC_MUNICIPALITY ?? null,
    smtp: smtpFrom(e),
    notifyPollMs: e.LYKT_NOTIFY_POLL_SECONDS * 1000,
    webauthn: webauthnConfig(e.LYKT_WEBAUTHN_RP_ID, e.LYKT_WEBAUTHN_ORIGINS, e.LYKT_PUBLIC_URL, e.PORT),
    oidcAllowHttp: e.LYKT_OIDC_ALLOW_HTTP,
    metricsToken: e.LYKT_METRICS_TOKEN ?? null,
    render: { workers: e.LYKT_RENDER_WORKERS, memoryMb: e.LYKT_RENDER_MEMORY_MB, timeoutMs: e.LYKT_RENDER_TIMEOUT_SECONDS * 1000, idleMs: e.LYKT_RENDER_IDLE_SECONDS * 1000, queue: e.LYKT_RENDER_QUEUE },
    version: VERSION,
  };
}

/**
 * The WebAuthn relying party: by default the host and origin of LYKT_PUBLIC_URL (or localhost and
 * http://localhost:PORT in development). Every origin must lie on the RP id or a subdomain of it,
 * as browsers require.
 */
export function webauthnConfig(rpIdEnv: string | undefined, originsEnv: string | undefined, publicUrl: string | undefined, port: number): WebAuthnConfig {
  const rpId = rpIdEnv ?? (publicUrl ? new URL(publicUrl).hostname : 'localhost');
  const origins = originsEnv
    ? originsEnv.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '')
    : [publicUrl ? new URL(publicUrl).origin : `http://localhost:${port}`];
  const problems = origins.flatMap((origin) => {
    if (!URL.canParse(origin)) return [`LYKT_WEBAUTHN_ORIGINS: ${origin} is not a URL such as https://lykt.example.kommune.no`];
    const url = new URL(origin);
    if (url.origin !== origin) return [`LYKT_WEBAUTHN_ORIGINS: write ${origin} as an origin only (${url.origin})`];
    if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) return [`LYKT_WEBAUTHN_ORIGINS: ${origin} is not on the RP id ${rpId} or a subdomain of it`];
    return [];
  });
  if (origins.length === 0) problems.push('LYKT_WEBAUTHN_ORIGINS: name at least one origin');
  if (problems.length > 0) throw new ConfigError(problems);
  return { rpId, rpName: 'Lykt', origins };
}
