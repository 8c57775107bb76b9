// Bench case 5: the resident size of the bot as `npm start` runs it (the compiled JavaScript, `node dist/src/main.js`),
// idle, with no platform token (so the console adapter) and its own redis-server child (not counted: another process),
// measured from outside with `ps` once the bot has been up and quiet for a while.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export function buildBot(root: string): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`npm run build failed: ${result.stderr?.toString().slice(-1000)}`);
}

function rssOf(pid: number): number {
  const out = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)]).stdout?.toString().trim();
  return Number(out) * 1024;
}

/** Starts the built bot with `env`, waits until it is up and `settleMs` more, returns its RSS in bytes, stops it. */
export async function idleRss(root: string, env: NodeJS.ProcessEnv, settleMs: number): Promise<number> {
  const child = spawn(process.execPath, [path.join(root, 'dist/src/main.js')], {
    cwd: root,
    // No platform token whatever this shell has; any free HTTP port.
    env: { ...process.env, LOG_LEVEL: 'warn', TELEGRAM_BOT_TOKEN: '', DISCORD_BOT_TOKEN: '', WHATSAPP_ENABLED: '', CONSOLE: 'auto', ROLE: 'all', HTTP_PORT: '0', ADMIN_HTTP_PORT: '0', ...env },
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
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      samples.push(rssOf(child.pid!));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return Math.min(...samples);
  } finally {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}
