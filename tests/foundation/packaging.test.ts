// The image and the package: production dependencies are exactly what the shipped code imports, the image runs as
// an unprivileged user on Node 24, its health check is liveness, and compose publishes the public port only.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; engines: { node: string } };

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(path.join(root, file)).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/** Package names imported (statically or dynamically) by the code `npm start` runs. */
function shippedImports(): Set<string> {
  const names = new Set<string>();
  for (const file of ['src', 'adapters', 'commands'].flatMap(sources)) {
    for (const match of read(file).matchAll(/(?:from\s+|import\(\s*)'([^'.][^']*)'/g)) {
      const spec = match[1]!;
      if (spec.startsWith('node:')) continue;
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
    // pino loads its pretty printer by name.
    for (const match of read(file).matchAll(/target:\s*'([^']+)'/g)) names.add(match[1]!);
  }
  return names;
}

describe('packaging', () => {
  it('every package the shipped code imports is a production dependency, and test-only packages are not', () => {
    const imported = shippedImports();
    for (const name of imported) expect(pkg.dependencies, name).toHaveProperty([name]);
    for (const name of ['ws', 'tsx', 'vitest', 'fast-check', 'typescript', 'eslint']) {
      expect(pkg.dependencies, name).not.toHaveProperty([name]);
    }
    // No production dependency that nothing imports (bull-board's UI comes with its Express adapter).
    const unused = Object.keys(pkg.dependencies).filter((name) => !imported.has(name));
    expect(unused).toEqual([]);
  });

  it('supports Node 20 and later', () => {
    expect(pkg.engines.node).toBe('>=20');
  });

  it('the image runs Node 24 as an unprivileged user, with a liveness health check', () => {
    const dockerfile = read('Dockerfile');
    const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(froms.every((image) => image!.startsWith('node:24'))).toBe(true);
    const user = /^USER\s+(\S+)/m.exec(dockerfile.slice(dockerfile.lastIndexOf('FROM')));
    expect(user?.[1]).toBeDefined();
    expect(user![1]).not.toMatch(/^(root|0)$/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/livez/);
    expect(dockerfile).not.toMatch(/healthz|readyz'\)/);
    expect([...dockerfile.matchAll(/^EXPOSE\s+(.+)$/gm)].map((m) => m[1]!.trim())).toEqual(['8080']);
  });

  it('compose publishes only the public port and checks liveness', () => {
    const compose = read('docker-compose.yml');
    const published = [...compose.matchAll(/^\s+- "([^"]+)"$/gm)].map((m) => m[1]);
    expect(published).toEqual(['8080:8080']);
    expect(compose).toMatch(/test: \["CMD", "node", "-e", "fetch\('http:\/\/127\.0\.0\.1:8080\/livez'\)/);
    expect(compose).not.toMatch(/healthz/);
  });
});
