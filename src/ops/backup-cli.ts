// `npm run backup -- <file>` and `npm run restore -- <file>`: DATA_DIR from the environment or .env (./data default).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { backup, restore } from './backup.js';

async function cli(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file) {
    process.stderr.write('usage: npm run backup -- <file>   |   npm run restore -- <file>\n');
    process.exit(2);
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const dataDir = path.resolve(process.env.DATA_DIR?.trim() || './data');
  try {
    const result = command === 'backup' ? backup(dataDir, file) : restore(file, dataDir);
    const verb = command === 'backup' ? `backed up ${dataDir} to ${file}` : `restored ${file} into ${dataDir}`;
    process.stdout.write(`Quartier: ${verb} (${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB)\n`);
  } catch (error) {
    process.stderr.write(`Quartier: ${command} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

void cli();
