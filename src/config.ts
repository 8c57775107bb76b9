// Settings come from the environment only, validated once at start. Each line here has its twin in .env.example.
import { z } from 'zod';
import { isLoopbackHost } from './http.js';
import { isValidTimeZone } from './i18n/time-zones.js';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = (what: string) =>
  optionalString.refine((value) => value === undefined || URL.canParse(value), { message: `${what} must be a URL` });

const schema = z.object({
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalUrl('TELEGRAM_API_ROOT').default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: optionalUrl('TELEGRAM_WEBHOOK_URL'),
  TELEGRAM_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: 'TELEGRAM_WEBHOOK_SECRET must be 1-256 of A-Z a-z 0-9 _ -',
  }),
  DISCORD_BOT_TOKEN: optionalString,
  DISCORD_API_URL: optionalUrl('DISCORD_API_URL').default('https://discord.com/api'),
  DISCORD_MEMBER_EVENTS: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  WHATSAPP_ENABLED: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  WHATSAPP_PAIRING_PHONE: optionalString,
  CHROMIUM_PATH: optionalString.default('/usr/bin/chromium'),
  DATABASE_URL: optionalUrl('DATABASE_URL'),
  REDIS_URL: optionalUrl('REDIS_URL'),
  DATA_DIR: optionalString.default('./data'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  ADMIN_HTTP_HOST: optionalString.default('127.0.0.1'),
  ADMIN_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  ADMIN_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'ADMIN_TOKEN must be at least 16 characters',
  }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LANGUAGE: optionalString.default('en'),
  DEFAULT_TIMEZONE: optionalString
    .default('UTC')
    .refine((zone) => isValidTimeZone(zone!), { message: 'DEFAULT_TIMEZONE must be an IANA zone like Europe/Paris' }),
  ROLE: z.enum(['all', 'gateway', 'worker']).default('all'),
  INBOUND_PARTITIONS: z.coerce.number().int().min(1).max(1024).default(16),
  BRIDGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  BRIDGE_JOIN_LEAVE_NOTICES: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  REDIS_APPENDFSYNC: z.enum(['always', 'everysec', 'no']).default('everysec'),
  FILE_JOB_BUDGET_MB: z.coerce.number().int().min(1).max(10_000).default(100),
  FILE_WORKER_BUDGET_MB: z.coerce.number().int().min(1).max(100_000).default(200),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  PUBLIC_URL: optionalUrl('PUBLIC_URL').refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: 'PUBLIC_URL must start with https:// (or http:// for a local test)',
  }),
  DASHBOARD_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: 'DASHBOARD_SECRET must be at least 32 characters',
  }),
  CONSOLE: z
    .enum(['auto', 'on', 'off'])
    .default('auto'),
});

export type Config = z.output<typeof schema>;

/** Every setting's name (.env.example lists each one). */
export const SETTING_NAMES = Object.keys(schema.shape);


export class ConfigError extends Error {}

/** Parses the environment; every bad value gets its own line in the error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  const lines = result.success
    ? []
    : result.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  // Settings that only make sense together, checked on the raw values so they are reported with the others.
  if (env.TELEGRAM_WEBHOOK_URL?.trim() && !env.TELEGRAM_WEBHOOK_SECRET?.trim()) {
    lines.push('  TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
  }
  const adminHost = env.ADMIN_HTTP_HOST?.trim() || '127.0.0.1';
  if (!isLoopbackHost(adminHost) && !env.ADMIN_TOKEN?.trim()) {
    lines.push(`  ADMIN_TOKEN: required when ADMIN_HTTP_HOST (${adminHost}) is not a loopback address`);
  }
  if (!result.success || lines.length > 0) throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  return result.data;
}
