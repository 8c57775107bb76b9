// The key that signs dashboard session cookies: DASHBOARD_SECRET when the operator sets one (several processes of one
// deployment must share it), otherwise a random key generated once into the data directory and kept there, so
// sessions survive a restart. Without either (tests), a key for this process alone.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SECRET_FILE = 'dashboard-secret';

export function loadSecret(options: { secret?: string; dataDir?: string }): Buffer {
  if (options.secret) return Buffer.from(options.secret, 'utf8');
  if (!options.dataDir) return randomBytes(32);
  const file = path.join(options.dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 64) return Buffer.from(stored, 'hex');
  }
  mkdirSync(options.dataDir, { recursive: true });
  const fresh = randomBytes(32);
  // Readable by the bot's user alone: whoever reads it can forge sessions.
  writeFileSync(file, `${fresh.toString('hex')}\n`, { mode: 0o600 });
  return fresh;
}
