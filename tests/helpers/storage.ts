// Storage for tests: real Redis with a unique prefix per test, PGlite cloned from a template migrated once per
// worker (cloning takes well under a second, migrating a fresh database several), and real PostgreSQL databases
// created and dropped per test when a server is available.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { inject } from 'vitest';
import { MIGRATIONS_FOLDER, openPostgres, wrapPglite, type Database } from '../../src/db/client.js';
import { connectRedis } from '../../src/queue/redis.js';
import type { Redis } from 'ioredis';

let shared: Promise<PGlite> | undefined;

async function migrated(): Promise<PGlite> {
  const pglite = new PGlite();
  await migrate(drizzle(pglite), { migrationsFolder: MIGRATIONS_FOLDER });
  return pglite;
}

/**
 * An empty, migrated PGlite database. Creating one costs seconds (and cloning one nearly as much on a busy 2-core
 * machine), so each test worker migrates one instance once and empties its tables for every test: a worker runs
 * one test at a time. close() leaves the instance for the next test.
 */
export async function pgliteDatabase(): Promise<Database> {
  shared ??= migrated();
  const pglite = await shared;
  const { rows } = await pglite.query<{ name: string }>(
    "select quote_ident(tablename) as name from pg_tables where schemaname = 'public'",
  );
  if (rows.length > 0) await pglite.exec(`truncate ${rows.map((r) => r.name).join(', ')} restart identity cascade`);
  const database = await wrapPglite(pglite, { migrate: false });
  return { ...database, close: async () => {} };
}

/** A PGlite database of its own (for tests that need two at once, or that close it). Slow: seconds. */
export async function freshPgliteDatabase(): Promise<Database> {
  return wrapPglite(await migrated(), { migrate: false });
}

export function postgresUrl(): string | undefined {
  return inject('postgresUrl');
}

/** A fresh database on the real PostgreSQL server, migrated; dropped again by close(). */
export async function postgresDatabase(serverUrl: string): Promise<Database> {
  const name = `quartier_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { max: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function redisUrl(): string {
  return inject('redisUrl');
}

export function uniquePrefix(): string {
  return `qt${randomBytes(5).toString('hex')}`;
}

/** A Redis connection and a unique key prefix; cleanup() removes every key under the prefix. */
export async function testRedis(url = redisUrl()): Promise<{ redis: Redis; prefix: string; cleanup(): Promise<void> }> {
  const redis = connectRedis(url);
  const prefix = uniquePrefix();
  return {
    redis,
    prefix,
    cleanup: async () => {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
