// One pino root. JSON in production; readable lines when a person watches a terminal.
//
// Secrets never reach a log line. Platform client errors carry them in places no path list can name: grammY's
// HttpError keeps the fetch error whose message holds the request URL (`/bot<token>/getUpdates`), discord.js errors
// keep interaction and webhook URLs (`/interactions/<id>/<token>/callback`, `/webhooks/<id>/<token>`) and the request
// body, and any of these can sit in a `cause` several levels down. So:
// - one error serializer (`serializeError`) copies what helps diagnose a failure (type, message, code, status, method,
//   url, stack, causes) with every string passed through `redactSecrets`, and leaves request and response bodies out:
//   they hold people's message text;
// - every finished line is passed through `redactSecrets` once more before it is written, which catches a secret in a
//   message string or any other field.
// `redactSecrets` removes the configured values themselves (registered at start) and token-shaped patterns.
import pino, { type DestinationStream, type Logger } from 'pino';

export const REDACTED = '[redacted]';

/** Fields that hold a secret by their name alone, wherever a logged object carries them. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'config.TELEGRAM_BOT_TOKEN',
  'config.DISCORD_BOT_TOKEN',
  'config.TELEGRAM_WEBHOOK_SECRET',
  'config.ADMIN_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
];

/** Configured secret values (bot tokens, admin token, webhook secret, URL passwords); shorter ones are ignored. */
const secretValues = new Set<string>();
let secretPattern: RegExp | undefined;

/** Adds values that must never appear in a log line. Values under 6 characters would redact ordinary words. */
export function registerSecrets(values: Iterable<string | undefined>): void {
  for (const value of values) {
    if (!value || value.length < 6) continue;
    secretValues.add(value);
    // A value may also appear percent-encoded in a URL.
    secretValues.add(encodeURIComponent(value));
  }
  const escaped = [...secretValues].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  secretPattern = escaped.length > 0 ? new RegExp(escaped.join('|'), 'g') : undefined;
}

/** The secrets among the settings: every *TOKEN / *SECRET / *PASSWORD value, and the password of every URL setting. */
export function secretsOfSettings(settings: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value !== 'string' || value === '') continue;
    if (/(TOKEN|SECRET|PASSWORD)$/.test(name)) found.push(value);
    if (/URL$/.test(name) && URL.canParse(value)) {
      const password = new URL(value).password;
      if (password) found.push(password, decodeURIComponent(password));
    }
  }
  return found;
}

// Token shapes, for secrets nobody registered (a token given to a test client, a Discord interaction token).
const PATTERNS: [RegExp, string][] = [
  // Telegram Bot API paths: /bot<digits>:<secret>/method and /file/bot<digits>:<secret>/path.
  [/\/bot\d+:[A-Za-z0-9_-]+/g, `/bot${REDACTED}`],
  // A bare Telegram bot token.
  [/\b\d{6,}:[A-Za-z0-9_-]{30,}/g, REDACTED],
  // Discord interaction callbacks and webhook executions carry their token in the path.
  [/\/interactions\/(\d+)\/[^/?#\s"']+/g, `/interactions/$1/${REDACTED}`],
  [/\/webhooks\/(\d+)\/[^/?#\s"']+/g, `/webhooks/$1/${REDACTED}`],
  // A Discord bot token (three dot-separated base64url parts).
  [/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g, REDACTED],
  // Authorization header values.
  [/\b(Bot|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  // user:password@ in any URL.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s"']*):[^@/\s"']+@/gi, `$1:${REDACTED}@`],
];

/** The text with every registered secret value and every token-shaped run replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = secretPattern ? text.replace(secretPattern, REDACTED) : text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

// Fields that hold what was sent or received (message text, files, headers with the token): never logged.
const BODY_FIELDS = new Set([
  'requestBody', 'payload', 'body', 'json', 'files', 'data', 'headers', 'request', 'response', 'config', 'options',
  'rawError', 'text', 'caption', 'content', 'envelope', 'message_text',
]);
// Fields that are read explicitly below, in this order.
const KNOWN_FIELDS = ['name', 'message', 'code', 'status', 'statusText', 'method', 'url', 'error_code', 'description'];
const MAX_DEPTH = 4;
const MAX_STRING = 2_000;

type Serialized = Record<string, unknown>;

function cleanString(value: string): string {
  const cut = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  return redactSecrets(cut);
}

/**
 * The error serializer: what helps diagnose a failure, with secrets removed and bodies left out. Follows `cause`,
 * grammY's `error` and an AggregateError's `errors`, a few levels deep.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (typeof error === 'string') return cleanString(error);
  if (error === null || typeof error !== 'object') return error;
  if (depth >= MAX_DEPTH) return '[…]';
  const source = error as Record<string, unknown>;
  const out: Serialized = { type: error.constructor?.name ?? 'Object' };
  for (const field of KNOWN_FIELDS) {
    const value = source[field];
    if (typeof value === 'string') out[field] = cleanString(value);
    else if (typeof value === 'number' || typeof value === 'boolean') out[field] = value;
  }
  // Discord's own answer: its message and code help; the rest (form errors) may echo what was sent.
  const raw = source.rawError as Record<string, unknown> | undefined;
  if (raw && typeof raw === 'object') {
    if (typeof raw.message === 'string') out.discordMessage = cleanString(raw.message);
    if (typeof raw.code === 'number') out.discordCode = raw.code;
  }
  for (const [field, value] of Object.entries(source)) {
    if (field in out || BODY_FIELDS.has(field) || field === 'cause' || field === 'error' || field === 'errors') continue;
    if (typeof value === 'string') out[field] = cleanString(value);
    else if (typeof value === 'number' || typeof value === 'boolean') out[field] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value) && depth + 1 < MAX_DEPTH) out[field] = serializeError(value, depth + 1);
  }
  if (typeof source.stack === 'string') out.stack = cleanString(source.stack);
  if (source.cause !== undefined) out.cause = serializeError(source.cause, depth + 1);
  if (source.error !== undefined) out.error = serializeError(source.error, depth + 1);
  if (Array.isArray(source.errors)) out.errors = source.errors.slice(0, 5).map((e) => serializeError(e, depth + 1));
  return out;
}

export interface LoggerOptions {
  pretty?: boolean;
  /** Values that must never be logged (see `secretsOfSettings`). */
  secrets?: Iterable<string | undefined>;
  /** Where lines go (stderr by default); tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

/** The options every Quartier logger shares: the error serializer and the last redaction pass. */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
    serializers: { err: serializeError, error: serializeError, cause: serializeError },
    hooks: { streamWrite: redactSecrets },
  };
}

export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  if (options.secrets) registerSecrets(options.secrets);
  const pretty = !options.destination && (options.pretty ?? (process.stdout.isTTY === true && process.env.CI !== 'true'));
  if (pretty) {
    return pino({
      ...loggerOptions(level),
      transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname', destination: 2 } },
    });
  }
  return pino(loggerOptions(level), options.destination ?? pino.destination(2));
}

/** A logger that writes nothing, for tests and benchmarks. */
export const silentLogger: Logger = pino({ level: 'silent' });
