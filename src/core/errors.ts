/** A stage failed for one update; carries what the log line needs to find the chat again. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    readonly chatId: string,
    override readonly cause: unknown,
    /** The envelope's id, so the log line names the event that met the error. */
    readonly eventId?: string,
  ) {
    super(`stage "${stage}" failed for ${chatId}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StageError';
  }
}

/** An update took longer than its deadline; the chat moves on to its next update. */
export class DeadlineExceededError extends Error {
  constructor(readonly chatId: string, readonly ms: number) {
    super(`update for ${chatId} exceeded its ${ms} ms deadline`);
    this.name = 'DeadlineExceededError';
  }
}

/** Runs `work` but gives up waiting after `ms`. The work itself cannot be cancelled; its result is ignored. */
export async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Thrown where a dependency (a platform session, a store) cannot answer right now and a retry later may succeed.
 * Adapters and services use it when the error they got says nothing by itself (a session not connected).
 */
export class InfrastructureError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InfrastructureError';
  }
}

// System error codes of a connection that failed or broke (Node's net and dns, undici's fetch, postgres.js).
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH',
  'ENETUNREACH', 'ENETDOWN', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

// SQLSTATE classes a retry can outlive: connection exception (08), transaction rollback: serialization or deadlock
// (40), insufficient resources (53), operator intervention: shutdown, cannot connect now, cancelled (57), system
// error (58); and a lock not available (55P03). A constraint or syntax error (23, 42) is a bug and stays one.
const RETRYABLE_SQLSTATE = /^(08|40|53|57|58)...$|^55P03$/;

// Names the Redis client and the platform clients give errors of the connection rather than of the request.
const INFRA_NAMES = new Set(['InfrastructureError', 'ReplyError', 'MaxRetriesPerRequestError', 'AbortError', 'HttpError', 'FetchError', 'DeadlineExceededError']);

/**
 * Whether `error` (or any error in its `cause` chain) comes from the infrastructure — the database, Redis, the network,
 * a platform answering 5xx — rather than from a bug in our code. Infrastructure errors fail the inbound job so it is
 * retried in order; a bug is contained, counted and logged.
 */
export function isInfrastructureError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { name?: unknown; code?: unknown; message?: unknown; status?: unknown; error_code?: unknown; errors?: unknown };
    if (typeof e.name === 'string' && INFRA_NAMES.has(e.name)) return true;
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || RETRYABLE_SQLSTATE.test(e.code))) return true;
    // A platform's own 5xx (discord.js DiscordAPIError/HTTPError carry `status`; grammY's GrammyError `error_code`).
    for (const status of [e.status, e.error_code]) if (typeof status === 'number' && status >= 500 && status < 600) return true;
    if (typeof e.message === 'string' && /^(Connection is closed|Stream isn't writeable|fetch failed)/.test(e.message)) return true;
    // AggregateError (a connection to several addresses that all refused).
    if (Array.isArray(e.errors) && e.errors.some((inner) => isInfrastructureError(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
