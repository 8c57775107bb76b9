// Opens the database: PGlite (PostgreSQL in WASM) in DATA_DIR when no DATABASE_URL is given, real PostgreSQL
// otherwise. Both run the same migrations from migrations/ at start.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import v8 from 'node:v8';
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
  /** Cheap round trip for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * PostgreSQL's default shared buffers (128 MB) suit a server; in PGlite they are part of the bot's own WASM memory and
 * become resident. A community bot's database is small and PGlite's files are cached by the OS anyway: 8 MB made no
 * measurable difference to the benchmark's throughput and saves ~150 MB (README, "Performance and reliability").
 * Given on the command line: PGlite's `postgresqlconf` option would replace the whole postgresql.conf that initdb
 * wrote (time zone, text search configuration...).
 */
export const PGLITE_OPTIONS = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB'] };

// Run by `node -e` in a child process: plain JavaScript, so it works alike under tsx, vitest and the compiled build.
const CREATE_PGLITE = `
const [modules, dir, options, migrations] = process.argv.slice(1);
const [pglite, drizzle, migrator] = JSON.parse(modules).map((m) => require(m));
(async () => {
  const client = new pglite.PGlite(dir, JSON.parse(options));
  await migrator.migrate(drizzle.drizzle(client), { migrationsFolder: migrations });
  await client.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

/**
 * Creating a PGlite database (initdb, then the first migrations) leaves the process that did it holding ~200 MB more
 * than one that opens an existing database, for good. So a new database is created and migrated by a short-lived child
 * process, and the bot opens it.
 */
async function createPgliteDir(dir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const modules = ['@electric-sql/pglite', 'drizzle-orm/pglite', 'drizzle-orm/pglite/migrator'].map((m) => require.resolve(m));
  const args = ['-e', CREATE_PGLITE, JSON.stringify(modules), dir, JSON.stringify(PGLITE_OPTIONS), MIGRATIONS_FOLDER];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`could not create the PGlite database in ${dir}:\n${errors}`))));
  });
}

/**
 * PGlite's PostgreSQL is a 9 MB WebAssembly module. V8 compiles it once quickly (Liftoff), then again, optimised
 * (TurboFan), for the functions that run often, and keeps both: ~45 MB. The optimised code made no measurable
 * difference to the bot's throughput (its queries are small and few per message; bench/), so PGlite keeps the first
 * compilation only. The flag applies to WebAssembly compiled after it is set (PGlite's, and Node's own HTTP parser if
 * it is compiled later).
 */
function compileWasmOnce(): void {
  v8.setFlagsFromString('--liftoff-only');
}

export async function openPglite(dataDir: string | undefined, options: { migrate?: boolean } = {}): Promise<Database> {
  compileWasmOnce();
  if (!dataDir) return wrapPglite(new PGlite(PGLITE_OPTIONS), options);
  const dir = path.join(dataDir, 'pglite');
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    await createPgliteDir(dir);
  }
  return wrapPglite(new PGlite(dir, PGLITE_OPTIONS), options);
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
