// Opens the database: PGlite (PostgreSQL in WASM) in DATA_DIR when no DATABASE_URL is given, real PostgreSQL
// otherwise. Both run the same migrations from migrations/ at start.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Cheap round trip for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

export async function openPglite(dataDir: string | undefined, options: { migrate?: boolean } = {}): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(path.join(dataDir, 'pglite')) : new PGlite();
  return wrapPglite(client, options);
}

/** Wraps an existing PGlite (tests clone a migrated template instead of migrating each time). */
export async function wrapPglite(client: PGlite, options: { migrate?: boolean } = {}): Promise<Database> {
  const db = drizzlePglite(client, { schema });
  if (options.migrate !== false) await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
    },
  };
}

export async function openPostgres(url: string, options: { migrate?: boolean; max?: number } = {}): Promise<Database> {
  // The migration takes an advisory lock, so several processes starting together do not race.
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres(sql, { schema });
  if (options.migrate !== false) await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    ping: async () => {
      await sql`select 1`;
    },
    close: async () => {
      await sql.end({ timeout: 5 });
    },
  };
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** The URL without its password, for messages. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export interface ConnectRetry {
  /** Attempts before giving up (default 30, one a second: a database container that starts after the bot). */
  attempts?: number;
  delayMs?: number;
  /** Told about each failed attempt (main.ts logs it). */
  onRetry?: (attempt: number, error: unknown) => void;
}

/** Waits until PostgreSQL answers, so a bot started before its database waits instead of crashing. */
export async function waitForPostgres(url: string, retry: ConnectRetry = {}): Promise<void> {
  const attempts = retry.attempts ?? 30;
  for (let attempt = 1; ; attempt++) {
    const probe = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
    try {
      await probe`select 1`;
      return;
    } catch (error) {
      if (attempt >= attempts) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DatabaseUnavailableError(
          `PostgreSQL at ${safeUrl(url)} did not answer after ${attempts} attempts (last error: ${reason}). ` +
            'Check that it is running and that DATABASE_URL is right.',
        );
      }
      retry.onRetry?.(attempt, error);
      await new Promise((resolve) => setTimeout(resolve, retry.delayMs ?? 1000));
    } finally {
      await probe.end({ timeout: 1 }).catch(() => undefined);
    }
  }
}

export async function openDatabase(options: { url?: string; dataDir: string; retry?: ConnectRetry }): Promise<Database> {
  if (!options.url) return openPglite(options.dataDir);
  await waitForPostgres(options.url, options.retry);
  return openPostgres(options.url);
}
