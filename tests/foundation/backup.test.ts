// Backup and restore of the embedded data: a bot's settings, FAQ and bridges survive a backup restored into a fresh
// data directory; the commands refuse while the bot runs, into a directory that holds data, and a damaged or hostile
// backup file.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError, PID_FILE, backup, restore } from '../../src/ops/backup.js';
import { root, startBot, waitForOutput, type Started } from '../helpers/bot-process.js';

const TSX = path.join(root, 'node_modules/tsx/dist/loader.mjs');
const CLI = path.join(root, 'src/ops/backup-cli.ts');

/** `npm run backup|restore -- <file>` as the package script runs it (through tsx instead of the build). */
function runCli(command: 'backup' | 'restore', file: string, dataDir: string): string {
  return execFileSync(process.execPath, ['--import', `file://${TSX}`, CLI, command, file], {
    env: { PATH: process.env.PATH!, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-backup-'));
  dirs.push(dir);
  return dir;
}

/** The console's answers (lines the bot printed), without the logs; the clock time /timezone shows is masked. */
const answers = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.includes('] Quartier: ') || line.startsWith('    '))
    .map((line) => line.replace(/\b\d{1,2}:\d{2}(\s?[AP]M)?/g, '<time>'));

function botIn(dataDir: string): Started {
  return startBot(path.dirname(dataDir), { DATA_DIR: dataDir, HTTP_PORT: '0', ADMIN_HTTP_PORT: '0', LOG_LEVEL: 'warn' });
}

/** Types `lines` into the console, then ends the input: the bot answers them all and stops. */
async function type(bot: Started, lines: string[]): Promise<string> {
  bot.child.stdin!.end(`${lines.join('\n')}\n`);
  expect(await bot.exited, bot.output()).toBe(0);
  return bot.output();
}

function filesOf(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(relative);
      else result[relative] = readFileSync(path.join(dir, relative)).toString('base64');
    }
  };
  walk('');
  return result;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore of the embedded data', () => {
  it('a bot restored into a fresh data directory answers with the same settings, FAQ and bridges', async () => {
    const original = path.join(tempDir(), 'data');
    const bot = botIn(original);
    bot.child.stdin!.write(':as admin\n/setrules Be kind to the neighbours\n/timezone Europe/Lisbon\n/faq add Where is the bin? | Behind the gate\n/bridge link\n');
    const code = (await waitForOutput(bot, /\/bridge ([A-Z0-9]{3,6}-?[A-Z0-9]{3,6})\b/, 120_000))[1]!;
    const questions = ['/rules', '/timezone', '/faq', '/faq Where is the bin?', '/bridge'];
    // Each round of questions comes from its own person: the command rate limit, kept in Redis, is restored too.
    const before = answers(await type(bot, [':group 2', ':as admin', `/bridge ${code}`, ':group 1', ':user Ines', ...questions]));
    expect(before.join('\n')).toMatch(/Be kind to the neighbours/);
    expect(before.join('\n')).toMatch(/Behind the gate/);
    expect(before.join('\n')).toMatch(/Europe\/Lisbon/);
    expect(before.join('\n')).toMatch(/Jardins partagés/);

    const file = path.join(tempDir(), 'quartier.backup');
    expect(runCli('backup', file, original)).toMatch(/backed up .* \(\d+ files, [\d.]+ MB\)/);
    const restored = path.join(tempDir(), 'data');
    expect(runCli('restore', file, restored)).toMatch(/restored .* \(\d+ files/);
    expect(filesOf(path.join(restored, 'redis'))).toEqual(filesOf(path.join(original, 'redis')));

    const again = botIn(restored);
    const after = answers(await type(again, [':user Oscar', ...questions]));
    // The answers to the same questions, from the restored data, are the original bot's last answers.
    expect(after).toEqual(before.slice(before.length - after.length));
    expect(after.join('\n')).toMatch(/Be kind to the neighbours/);
    expect(after.join('\n')).toMatch(/Behind the gate/);
    expect(after.join('\n')).toMatch(/Jardins partagés/);
  }, 300_000);

  it('refuses to back up or restore while the bot runs on the data directory', async () => {
    const dataDir = path.join(tempDir(), 'data');
    mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
    writeFileSync(path.join(dataDir, 'pglite', 'PG_VERSION'), '17\n');
    // A live process named by the pid file stands for the running bot.
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      writeFileSync(path.join(dataDir, PID_FILE), `${sleeper.pid}\n`);
      expect(() => backup(dataDir, path.join(dataDir, '..', 'b'))).toThrow(/is running .* stop it first/);
      expect(() => restore(path.join(dataDir, '..', 'b'), dataDir)).toThrow(/is running/);
    } finally {
      sleeper.kill('SIGKILL');
      await new Promise((resolve) => sleeper.once('exit', resolve));
    }
    // A pid file left by a killed bot does not block, nor one whose pid another program reuses.
    const file = path.join(dataDir, '..', 'b');
    expect(backup(dataDir, file)).toMatchObject({ files: 1 });
    const other = spawn('sleep', ['60']);
    try {
      writeFileSync(path.join(dataDir, PID_FILE), `${other.pid}\n`);
      expect(backup(dataDir, file)).toMatchObject({ files: 1 });
    } finally {
      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
    }
  });

  it('restores only into an empty data directory, and refuses a damaged or hostile file before writing anything', () => {
    const source = path.join(tempDir(), 'data');
    mkdirSync(path.join(source, 'pglite', 'base'), { recursive: true });
    writeFileSync(path.join(source, 'pglite', 'base', 'table'), 'rows');
    mkdirSync(path.join(source, 'redis', 'appendonlydir'), { recursive: true });
    writeFileSync(path.join(source, 'redis', 'appendonlydir', 'appendonly.aof.1.incr.aof'), '*1\r\n$4\r\nPING\r\n');
    const file = path.join(tempDir(), 'good.backup');
    backup(source, file);

    // Into a directory that holds data: refused, nothing touched.
    expect(() => restore(file, source)).toThrow(/already holds data/);

    // One byte changed in a file's content: refused, nothing written.
    const raw = gunzipSync(readFileSync(file));
    const damaged = Buffer.from(raw);
    damaged[raw.indexOf('rows')] = 'R'.charCodeAt(0);
    const damagedFile = path.join(tempDir(), 'damaged.backup');
    writeFileSync(damagedFile, gzipSync(damaged));
    const target = path.join(tempDir(), 'data');
    expect(() => restore(damagedFile, target)).toThrow(/damaged: pglite\/base\/table/);
    expect(existsSync(path.join(target, 'pglite'))).toBe(false);

    // A file that climbs out of the data directory.
    const manifest = raw.subarray(0, raw.indexOf(0x0a) + 1);
    const evil = Buffer.concat([manifest, Buffer.from(`${JSON.stringify({ path: 'pglite/../../escaped', size: 1, mode: 420, sha256: '' })}\nx`)]);
    const evilFile = path.join(tempDir(), 'evil.backup');
    writeFileSync(evilFile, gzipSync(evil));
    expect(() => restore(evilFile, target)).toThrow(BackupError);
    expect(existsSync(path.join(target, '..', 'escaped'))).toBe(false);

    // Not a backup at all.
    const other = path.join(tempDir(), 'other');
    writeFileSync(other, gzipSync(Buffer.from('{"hello":1}\n')));
    expect(() => restore(other, target)).toThrow(/not a Quartier backup/);

    expect(restore(file, target)).toEqual({ files: 2, bytes: 4 + 14 });
    expect(readFileSync(path.join(target, 'pglite', 'base', 'table'), 'utf8')).toBe('rows');
  });
});
