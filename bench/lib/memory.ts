// Bench case 5: the resident size of the bot as `npm start` runs it (the compiled JavaScript, `node dist/src/main.js`
// with the start script's environment and node flags), idle, with no platform token (so the console adapter) and its own redis-server
// child (not counted: another process), measured from outside with `ps` once the bot has been up and quiet a while.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * How `npm start` runs node (package.json's start script): the environment it sets (e.g. MALLOC_ARENA_MAX) and the
 * flags it gives, so the bench and the tests start the bot exactly as it does.
 */
export function startCommand(root: string): { env: Record<string, string>; flags: string[] } {
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const match = /(?:^|&&\s*)((?:[A-Z_]+=\S+\s+)*)node((?:\s+--\S+)*)\s+dist\/src\/main\.js$/.exec(scripts.start ?? '');
  if (!match) throw new Error('package.json: the start script does not run node dist/src/main.js');
  const env = Object.fromEntries(match[1]!.trim().split(/\s+/).filter(Boolean).map((pair) => pair.split('=') as [string, string]));
  return { env, flags: match[2]!.trim().split(/\s+/).filter(Boolean) };
}

export function buildBot(root: string): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`npm run build failed: ${result.stderr?.toString().slice(-1000)}`);
}

function rssOf(pid: number): number {
  const out = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)]).stdout?.toString().trim();
  return Number(out) * 1024;
}

/** The processes started by `pid`, children and their children, with their resident size in bytes and command name. */
function descendantsOf(pid: number): { pid: number; rss: number; command: string }[] {
  const out = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,comm=']).stdout?.toString() ?? '';
  const rows = out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4)
    .map(([p, pp, rss, ...command]) => ({ pid: Number(p), ppid: Number(pp), rss: Number(rss) * 1024, command: command.join(' ') }));
  const found: { pid: number; rss: number; command: string }[] = [];
  const parents = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (parents.has(row.ppid) && !parents.has(row.pid)) {
        parents.add(row.pid);
        found.push(row);
        grew = true;
      }
    }
  }
  return found;
}

export interface IdleMemory {
  /** The bot's own process, in bytes. */
  bot: number;
  /** The processes it started whose command matches `children` (e.g. Chromium's), summed, in bytes. */
  children: number;
}

/** Starts the built bot with `env`, waits until it is up and `settleMs` more, returns its RSS in bytes, stops it. */
export async function idleRss(root: string, env: NodeJS.ProcessEnv, settleMs: number): Promise<number> {
  return (await idleMemory(root, env, settleMs)).bot;
}

/**
 * As idleRss, and also the resident size of the processes the bot started whose command name matches `children`
 * (the embedded redis-server is another process and is not counted unless it matches).
 */
export async function idleMemory(root: string, env: NodeJS.ProcessEnv, settleMs: number, children?: RegExp): Promise<IdleMemory> {
  const start = startCommand(root);
  const child = spawn(process.execPath, [...start.flags, path.join(root, 'dist/src/main.js')], {
    cwd: root,
    // No platform token whatever this shell has; any free HTTP port.
    env: { ...process.env, ...start.env, LOG_LEVEL: 'warn', TELEGRAM_BOT_TOKEN: '', DISCORD_BOT_TOKEN: '', WHATSAPP_ENABLED: '', CONSOLE: 'auto', ROLE: 'all', HTTP_PORT: '0', ADMIN_HTTP_PORT: '0', ...env },
    // stdin stays open: the console reads it, and closing it is how the bot is told to stop.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bot did not start within 120 s:\n${output}`)), 120_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4000);
        // The console's banner is printed once the app has started.
        if (output.includes('Quartier console')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
      void exited.then((code) => reject(new Error(`the bot exited with ${code} before it was up:\n${output}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    // The smallest of a few samples a second apart: what the bot holds, not a passing allocation.
    const samples: IdleMemory[] = [];
    for (let i = 0; i < 5; i++) {
      const others = children ? descendantsOf(child.pid!).filter((p) => children.test(p.command)) : [];
      samples.push({ bot: rssOf(child.pid!), children: others.reduce((sum, p) => sum + p.rss, 0) });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return { bot: Math.min(...samples.map((s) => s.bot)), children: Math.min(...samples.map((s) => s.children)) };
  } finally {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}
