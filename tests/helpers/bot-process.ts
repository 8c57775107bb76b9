// The bot as `npm start` runs it (src/main.ts through tsx, with the start script's environment and node flags),
// started as a child process in a directory of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startCommand } from '../../bench/lib/memory.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = path.join(root, 'src/main.ts');
const TSX = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the bot in `dir` with only the variables given (none of the test machine's settings leak in). */
export function startBot(dir: string, env: Record<string, string> = {}): Started {
  const clean: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[key]) clean[key] = process.env[key]!;
  const start = startCommand(root);
  const child = spawn(process.execPath, [...start.flags, '--import', TSX, MAIN], { cwd: dir, env: { ...start.env, ...clean, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForHttp(url: string, bot: Started, timeoutMs = 150_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited with ${bot.child.exitCode}:\n${bot.output()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() - started > timeoutMs) throw new Error(`no answer from ${url} within ${timeoutMs} ms:\n${bot.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until the bot's output matches `pattern`; returns the match. */
export async function waitForOutput(bot: Started, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  const started = Date.now();
  for (;;) {
    const match = pattern.exec(bot.output());
    if (match) return match;
    if (bot.child.exitCode !== null) throw new Error(`the bot exited with ${bot.child.exitCode}:\n${bot.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`no ${pattern} in the output within ${timeoutMs} ms:\n${bot.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
