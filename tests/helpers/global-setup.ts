// Once per test run: use REDIS_URL when it is set (CI points it at the machine's Redis), otherwise start a throwaway
// redis-server for the run. Tests isolate themselves with a unique key prefix each.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/queue/redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    postgresUrl: string | undefined;
  }
}

let embedded: EmbeddedRedis | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  let url = process.env.REDIS_URL;
  if (!url) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-test-redis-'));
    embedded = await startEmbeddedRedis({ dir, persistent: false });
    url = embedded.url;
  }
  project.provide('redisUrl', url);
  // Storage tests also run on real PostgreSQL when a server URL is given (CI gives the machine's).
  project.provide('postgresUrl', process.env.TEST_DATABASE_URL || undefined);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
