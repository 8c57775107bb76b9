// Shutdown has a deadline, and the embedded Redis is never doubled.
// - The bot (`src/main.ts`, as `npm start` runs it) is asked to stop while its Redis has stopped answering (the
//   redis-server is frozen with SIGSTOP): closing the queues hangs, and the process must still exit, past its
//   deadline, saying that work in flight is left to its retries.
// - A redis-server left running on the data directory by a bot that was SIGKILLed is found and stopped by the next
//   start, which then serves the same data.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/queue/redis.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('shutdown deadline', () => {
  it('exits past its deadline when closing hangs (Redis frozen), leaving work in flight to its retries', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quartier-shutdown-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const redis = await startEmbeddedRedis({ dir: path.join(dir, 'redis'), persistent: false });
    cleanups.push(async () => {
      process.kill(redis.pid, 'SIGCONT');
      await redis.stop();
    });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, REDIS_URL: redis.url, DATA_DIR: dir, HTTP_PORT: '0', CONSOLE: 'on', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '1500', CI: 'true' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stdout.on('data', () => undefined);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (!log.includes('Quartier is running')) {
      if (child.exitCode !== null) throw new Error(`the bot exited early:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.kill(redis.pid, 'SIGSTOP');
    child.kill('SIGTERM');
    const code = await exited;
    expect(log).toContain('shutdown deadline passed; work in flight is left to its retries');
    expect(code).toBe(1);
  }, 90_000);
});

describe('embedded Redis after a SIGKILL', () => {
  it('the next start stops the redis-server left on the data directory and serves the same data', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quartier-redis-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const servers: EmbeddedRedis[] = [];
    cleanups.push(async () => {
      for (const server of servers) if (alive(server.pid)) process.kill(server.pid, 'SIGKILL');
    });
    // The first run's server: its bot dies without stopping it (nothing calls stop()).
    const first = await startEmbeddedRedis({ dir, persistent: true, appendFsync: 'always' });
    servers.push(first);
    const client = new Redis(first.url);
    await client.set('accepted', 'before the kill');
    client.disconnect();

    const second = await startEmbeddedRedis({ dir, persistent: true });
    servers.push(second);
    expect(alive(first.pid)).toBe(false);
    // Nothing answers on the first server's port any more.
    const probe = new Redis(first.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    await expect(probe.connect()).rejects.toThrow();
    probe.disconnect();
    const again = new Redis(second.url);
    expect(await again.get('accepted')).toBe('before the kill');
    again.disconnect();
    await second.stop();
    expect(alive(second.pid)).toBe(false);
  }, 60_000);
});
