// Redis for the queues. With no REDIS_URL the bot runs its own redis-server child, with an append-only file in
// DATA_DIR so queued alerts survive a restart, and stops it on exit. A bot killed outright (SIGKILL, a power cut of
// the container's main process) cannot stop it: the next start finds it by the state file it left in the data
// directory and stops it before starting its own, so two servers never write the same append-only file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  /** The redis-server's process id. */
  pid: number;
  stop(): Promise<void>;
}

/** How often the append-only file is synced to disk (Redis's `appendfsync`): see .env.example. */
export type AppendFsync = 'always' | 'everysec' | 'no';

const STATE_FILE = 'quartier-redis.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops the redis-server a previous run left on `dir`, if it is still there: the state file names its pid and port,
 * and the process must still be a redis-server on that port (a pid reused by something else is left alone).
 */
export async function stopLeftoverRedis(dir: string, log?: Logger): Promise<number | undefined> {
  let state: { pid?: unknown; port?: unknown };
  try {
    state = JSON.parse(readFileSync(path.join(dir, STATE_FILE), 'utf8')) as typeof state;
  } catch {
    return undefined;
  }
  const { pid, port } = state;
  if (typeof pid !== 'number' || typeof port !== 'number' || !alive(pid)) return undefined;
  const command = spawnSync('ps', ['-p', String(pid), '-o', 'args='], { encoding: 'utf8' }).stdout ?? '';
  if (!command.includes('redis-server') || !command.includes(`:${port}`)) return undefined;
  log?.warn({ pid, port, dir }, 'a redis-server from an earlier run is still running on the data directory; stopping it');
  // SIGTERM: it writes its append-only file out and leaves. Killed outright only if it does not within 10 s.
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; alive(pid); waited += 50) {
    if (waited >= 10_000) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
  return pid;
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
  /** With `persistent`: when the append-only file is synced (default everysec). */
  appendFsync?: AppendFsync;
}): Promise<EmbeddedRedis> {
  if (spawnSync('redis-server', ['--version']).error) throw new RedisNotInstalledError();
  const dir = path.resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  if (options.persistent) await stopLeftoverRedis(dir, options.log);
  const port = options.port ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no'];
  args.push(...(options.persistent ? ['--appendonly', 'yes', '--appendfsync', options.appendFsync ?? 'everysec'] : ['--appendonly', 'no']));
  const child: ChildProcess = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stateFile = path.join(dir, STATE_FILE);
  if (options.persistent && child.pid) writeFileSync(stateFile, JSON.stringify({ pid: child.pid, port }));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const url = `redis://127.0.0.1:${port}`;
  await waitForRedis(url, child, () => output);
  options.log?.info({ port, dir, persistent: options.persistent, appendFsync: options.persistent ? (options.appendFsync ?? 'everysec') : undefined }, 'started embedded redis-server');
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          if (options.persistent) rmSync(stateFile, { force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
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
