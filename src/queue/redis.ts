// Redis for the queues. With no REDIS_URL the bot runs its own redis-server child, with an append-only file in
// DATA_DIR so queued alerts survive a restart, and stops it on exit.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export function connectRedis(url: string): Redis {
  // maxRetriesPerRequest null: BullMQ's blocking commands must wait through a reconnect rather than fail.
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

export class RedisNotInstalledError extends Error {
  constructor() {
    super(
      'Quartier needs Redis and found no REDIS_URL and no redis-server to start.\n' +
        '  Debian/Ubuntu: sudo apt-get install redis-server\n' +
        '  macOS:         brew install redis\n' +
        '  or set REDIS_URL=redis://host:6379 to use a running Redis.',
    );
    this.name = 'RedisNotInstalledError';
  }
}

export interface EmbeddedRedis {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `redis-server` as a child process. `persistent` keeps an append-only file in `dir` (the bot's default);
 * tests pass false for a throwaway server.
 */
export async function startEmbeddedRedis(options: {
  dir: string;
  persistent: boolean;
  log?: Logger;
  /** A fixed port (the chaos tests restart a server on the port its clients know); default: any free port. */
  port?: number;
}): Promise<EmbeddedRedis> {
  if (spawnSync('redis-server', ['--version']).error) throw new RedisNotInstalledError();
  const dir = path.resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no'];
  args.push(...(options.persistent ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--appendonly', 'no']));
  const child: ChildProcess = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const url = `redis://127.0.0.1:${port}`;
  await waitForRedis(url, child, () => output);
  options.log?.info({ port, dir, persistent: options.persistent }, 'started embedded redis-server');
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // SIGTERM makes redis-server flush its append-only file before leaving.
        child.kill('SIGTERM');
      }),
  };
}

async function waitForRedis(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 10_000) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}:\n${output()}`);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {}); // not up yet: the loop tries again
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      probe.disconnect();
    }
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start within 10 s:\n${output()}`);
}
