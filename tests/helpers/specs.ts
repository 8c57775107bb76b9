// The official platform specifications, stored in the repository (tests/fixtures/platform-specs/, with their sources
// and licences in its README), so a clone alone runs every test.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../fixtures/platform-specs/', import.meta.url));

export function specPath(file: string): string {
  const path = `${dir}${file}`;
  if (!existsSync(path)) throw new Error(`platform specification ${file} not found in ${dir} (scripts/refresh-specs.sh)`);
  return path;
}
