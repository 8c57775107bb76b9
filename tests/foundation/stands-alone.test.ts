// The repository stands alone: no tracked file outside CI's own script names a path beside the checkout or an
// absolute path on a development machine, so a clone on any machine runs `npm ci && npm test`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Paths that only exist on the machines the project grew on, or that climb out of the checkout to a sibling folder.
const outside = [/\.\.\/shared\b/, /\/work\//, /\/home\/[a-z]/, /\/Users\/[A-Za-z]/];

function trackedTextFiles(): string[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  return files.filter(
    (file) => !file.startsWith('.ci/') && /\.(ts|js|cjs|mjs|json|sh|ya?ml|md)$|^Dockerfile$|^\.env\.example$/.test(file),
  );
}

describe('the repository stands alone', () => {
  it('no tracked source, test, script or document refers to a path outside the checkout', () => {
    const offenders: string[] = [];
    for (const file of trackedTextFiles()) {
      if (file === 'tests/foundation/stands-alone.test.ts') continue;
      const text = readFileSync(`${root}${file}`, 'utf8');
      text.split('\n').forEach((line, index) => {
        if (outside.some((pattern) => pattern.test(line))) offenders.push(`${file}:${index + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('the platform specifications the stand-ins check against are part of the repository', () => {
    const tracked = trackedTextFiles();
    expect(tracked).toContain('tests/fixtures/platform-specs/telegram-bot-api.json');
    expect(tracked).toContain('tests/fixtures/platform-specs/discord-openapi.json');
    expect(tracked).toContain('tests/fixtures/platform-specs/README.md');
  });
});
