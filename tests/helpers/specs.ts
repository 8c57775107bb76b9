// Where the official platform specifications live: `shared/platform-specs/` beside the repository (how CI and the
// development machines lay it out), or an explicit PLATFORM_SPECS_DIR.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = [
  process.env.PLATFORM_SPECS_DIR,
  fileURLToPath(new URL('../../../shared/platform-specs', import.meta.url)),
  '/work/shared/platform-specs',
].filter((dir): dir is string => Boolean(dir));

export function specPath(file: string): string {
  for (const dir of candidates) if (existsSync(`${dir}/${file}`)) return `${dir}/${file}`;
  throw new Error(`platform specification ${file} not found in ${candidates.join(', ')} (set PLATFORM_SPECS_DIR)`);
}
