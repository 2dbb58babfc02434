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
  LYKT_METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters (openssl rand -hex 32)').optional(),
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
  /** Bearer token for GET /metrics (Prometheus); null: the endpoint is off. */
  metricsToken: string | null;
  version: string;
};

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
    metricsToken: e.LYKT_METRICS_TOKEN ?? null,
    version: VERSION,
  };
}
