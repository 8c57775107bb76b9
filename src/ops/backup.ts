// Backup and restore of the embedded data: PGlite's directory and the embedded Redis' append-only files, both under
// DATA_DIR. One file each way, gzip-compressed: a manifest line, then for each file a JSON header line and its bytes.
// The bot must be stopped (PGlite's files are only consistent when no process has them open); both commands refuse
// while the bot's pid file names a live process. A PostgreSQL deployment backs up with pg_dump instead (README).
//
// The commands are in backup-cli.ts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The folders of DATA_DIR that hold the bot's state (the WhatsApp session is left out: it is re-linked by QR). */
export const BACKED_UP = ['pglite', 'redis'] as const;
export const PID_FILE = 'quartier.pid';
const FORMAT = 'quartier-backup';

export class BackupError extends Error {}

interface Header {
  /** Directories are stored too: PostgreSQL needs its empty ones (pg_notify, pg_tblspc...). */
  type?: 'dir';
  path: string;
  size: number;
  mode: number;
  sha256: string;
}

/** The pid in DATA_DIR's pid file when that process is alive. */
export function runningBot(dataDir: string): number | undefined {
  const file = path.join(dataDir, PID_FILE);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    // A pid file left by a killed bot may name a process that reused its pid: on Linux, only a Node process counts.
    const cmdline = `/proc/${pid}/cmdline`;
    if (existsSync(cmdline) && !/node/i.test(readFileSync(cmdline, 'utf8'))) return undefined;
    return pid;
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

function refuseWhileRunning(dataDir: string): void {
  const pid = runningBot(dataDir);
  if (pid !== undefined) throw new BackupError(`the bot (pid ${pid}) is running on ${dataDir}: stop it first`);
}

/** Every directory (itself first) and file under `dir`, relative to `root`. */
function entriesUnder(root: string, dir: string): { relative: string; dir: boolean }[] {
  return [
    { relative: dir, dir: true },
    ...readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) return entriesUnder(root, relative);
      return entry.isFile() ? [{ relative, dir: false }] : [];
    }),
  ];
}

/** Writes a backup of `dataDir` to `file`; returns the number of files and bytes stored. */
export function backup(dataDir: string, file: string): { files: number; bytes: number } {
  const root = path.resolve(dataDir);
  refuseWhileRunning(root);
  const present = BACKED_UP.filter((dir) => existsSync(path.join(root, dir)));
  if (present.length === 0) throw new BackupError(`${root} holds no embedded data (no pglite/ or redis/ folder)`);
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), folders: present })}\n`)];
  let bytes = 0;
  const entries = present.flatMap((dir) => entriesUnder(root, dir));
  const files = entries.filter((entry) => !entry.dir);
  for (const { relative, dir } of entries) {
    const posix = relative.split(path.sep).join('/');
    if (dir) {
      parts.push(Buffer.from(`${JSON.stringify({ type: 'dir', path: posix, size: 0, mode: statSync(path.join(root, relative)).mode & 0o777, sha256: '' })}\n`));
      continue;
    }
    const content = readFileSync(path.join(root, relative));
    const header: Header = {
      path: posix,
      size: content.length,
      mode: statSync(path.join(root, relative)).mode & 0o777,
      sha256: createHash('sha256').update(content).digest('hex'),
    };
    parts.push(Buffer.from(`${JSON.stringify(header)}\n`), content);
    bytes += content.length;
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, gzipSync(Buffer.concat(parts)));
  return { files: files.length, bytes };
}

/** Restores `file` into `dataDir`, which must not hold embedded data already. */
export function restore(file: string, dataDir: string): { files: number; bytes: number } {
  const root = path.resolve(dataDir);
  refuseWhileRunning(root);
  for (const dir of BACKED_UP) {
    const target = path.join(root, dir);
    if (existsSync(target) && readdirSync(target).length > 0) {
      throw new BackupError(`${target} already holds data: restore into an empty DATA_DIR (move this one away first)`);
    }
  }
  const data = gunzipSync(readFileSync(file));
  let offset = 0;
  const line = (): string => {
    const end = data.indexOf(0x0a, offset);
    if (end < 0) throw new BackupError(`${file} is truncated`);
    const text = data.subarray(offset, end).toString('utf8');
    offset = end + 1;
    return text;
  };
  const manifest = JSON.parse(line()) as { format?: string; version?: number };
  if (manifest.format !== FORMAT || manifest.version !== 1) throw new BackupError(`${file} is not a Quartier backup`);
  const entries: { header: Header; content: Buffer }[] = [];
  while (offset < data.length) {
    const header = JSON.parse(line()) as Header;
    const normalized = path.normalize(header.path);
    // Only the backed-up folders, never a path that climbs out of DATA_DIR.
    const inside = BACKED_UP.some((dir) => normalized === dir || normalized.startsWith(`${dir}${path.sep}`));
    if (path.isAbsolute(normalized) || normalized.startsWith('..') || !inside) {
      throw new BackupError(`${file} names a file outside the data folders: ${header.path}`);
    }
    if (header.type === 'dir') {
      entries.push({ header: { ...header, path: normalized }, content: Buffer.alloc(0) });
      continue;
    }
    const content = data.subarray(offset, offset + header.size);
    offset += header.size;
    if (content.length !== header.size || createHash('sha256').update(content).digest('hex') !== header.sha256) {
      throw new BackupError(`${file} is damaged: ${header.path} does not match its checksum`);
    }
    entries.push({ header: { ...header, path: normalized }, content });
  }
  // Everything is checked before the first file is written.
  let bytes = 0;
  let files = 0;
  for (const { header, content } of entries) {
    const target = path.join(root, header.path);
    if (header.type === 'dir') {
      mkdirSync(target, { recursive: true, mode: header.mode || 0o700 });
      continue;
    }
    files += 1;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content, { mode: header.mode || 0o600 });
    bytes += content.length;
  }
  return { files, bytes };
}
