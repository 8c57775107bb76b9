// The image and the package: production dependencies are exactly what the shipped code imports, the image runs as
// an unprivileged user on Node 24, its health check is liveness, and compose publishes the public port only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { startCommand } from '../../bench/lib/memory.js';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  engines: { node: string };
};
const optional = Object.keys(pkg.optionalDependencies ?? {});

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    // Declaration files (.d.ts) describe packages; they emit nothing.
    return statSync(path.join(root, file)).isDirectory() ? sources(file) : /\.tsx?$/.test(file) && !file.endsWith('.d.ts') ? [file] : [];
  });
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

interface Imports {
  /** Imports Node runs when the module loads (type-only imports are gone from the JavaScript). */
  static: string[];
  dynamic: string[];
}

/** What a shipped file imports once compiled: the JavaScript `npm start` runs, as tsc emits it. */
function importsOf(file: string): Imports {
  const js = ts.transpileModule(read(file), {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
      esModuleInterop: true,
      removeComments: true,
      jsx: ts.JsxEmit.ReactJSX,
      jsxImportSource: 'hono/jsx',
    },
  }).outputText;
  const found = (pattern: RegExp) => [...js.matchAll(pattern)].map((m) => m[1]!);
  return {
    static: [...found(/^\s*(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]/gm), ...found(/^\s*import\s*['"]([^'"]+)['"]/gm)],
    // A require() (createRequire) loads when it runs, as a dynamic import does.
    dynamic: found(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g),
  };
}

/** The shipped file a relative import names (`./x.js` is `./x.ts` or `./x.tsx`), or the package a bare one names. */
function target(from: string, spec: string): { file: string } | { package: string } | undefined {
  if (spec.startsWith('node:')) return undefined;
  if (spec.startsWith('.')) {
    const file = path.join(path.dirname(from), spec).replace(/\.js$/, '.ts');
    return { file: existsSync(path.join(root, file)) ? file : `${file}x` };
  }
  return { package: packageOf(spec) };
}

const shipped = ['src', 'adapters', 'commands'].flatMap(sources);
const graph = new Map(shipped.map((file) => [file, importsOf(file)]));

/** Package names imported (statically or dynamically) by the code `npm start` runs. */
function shippedImports(): Set<string> {
  const names = new Set<string>();
  for (const [file, imports] of graph) {
    for (const spec of [...imports.static, ...imports.dynamic]) {
      const to = target(file, spec);
      if (to && 'package' in to) names.add(to.package);
    }
    // pino loads its pretty printer by name.
    for (const match of read(file).matchAll(/target:\s*'([^']+)'/g)) names.add(match[1]!);
  }
  return names;
}

/** The shipped files that load an optional dependency when they load: those importing it, and their importers. */
function loadingOptional(): Set<string> {
  const loading = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, imports] of graph) {
      if (loading.has(file)) continue;
      const loads = imports.static.some((spec) => {
        const to = target(file, spec);
        return to !== undefined && ('package' in to ? optional.includes(to.package) : loading.has(to.file));
      });
      if (loads) {
        loading.add(file);
        grew = true;
      }
    }
  }
  return loading;
}

describe('packaging', () => {
  it('every package the shipped code imports is a production or optional dependency, and test-only packages are not', () => {
    const imported = shippedImports();
    const production = { ...pkg.dependencies, ...pkg.optionalDependencies };
    for (const name of imported) expect(production, name).toHaveProperty([name]);
    for (const name of ['ws', 'tsx', 'vitest', 'fast-check', 'typescript', 'eslint']) {
      expect(production, name).not.toHaveProperty([name]);
    }
    // No production dependency that nothing imports (bull-board's UI comes with its Express adapter).
    const unused = Object.keys(production).filter((name) => !imported.has(name));
    expect(unused).toEqual([]);
  });

  it('the optional Baileys driver (GPL-3.0 libsignal) is loaded only by the dynamic import in driver.ts', () => {
    expect(optional).toEqual(['@whiskeysockets/baileys']);
    for (const name of optional) expect(pkg.dependencies, name).not.toHaveProperty([name]);
    // The files that load it when they load are the Baileys driver's own, and nothing else loads them statically.
    const loading = loadingOptional();
    expect([...loading].sort()).toEqual(
      ['auth-store.ts', 'client.ts', 'index.ts', 'normalize.ts'].map((name) => path.join('adapters/whatsapp/baileys', name)),
    );
    // The one door in: driver.ts's dynamic import, which turns a missing package into instructions.
    const doors = [...graph].flatMap(([file, imports]) =>
      imports.dynamic
        .map((spec) => target(file, spec))
        .filter((to) => to !== undefined && ('package' in to ? optional.includes(to.package) : loading.has(to.file)))
        .map((to) => `${file} -> ${'file' in to! ? to.file : to!.package}`),
    );
    expect(doors).toEqual(['adapters/whatsapp/driver.ts -> adapters/whatsapp/baileys/index.ts']);
    // What only the driver needs is optional too: every other package it loads is loaded by the rest of the bot.
    const elsewhere = new Set(
      [...graph].filter(([file]) => !loading.has(file)).flatMap(([file, imports]) => [...imports.static, ...imports.dynamic].map((spec) => target(file, spec))),
    );
    const others = new Set([...elsewhere].flatMap((to) => (to && 'package' in to ? [to.package] : [])));
    const driverPackages = [...loading].flatMap((file) => graph.get(file)!.static.map((spec) => target(file, spec)));
    for (const to of driverPackages) {
      if (to && 'package' in to && !optional.includes(to.package)) expect(others, to.package).toContain(to.package);
    }
  });

  it('the image leaves optional dependencies out unless built with WHATSAPP_BAILEYS=1, and compose passes it through', () => {
    const dockerfile = read('Dockerfile');
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM'));
    const argDefault = /^ARG WHATSAPP_BAILEYS(?:=(\S*))?$/m.exec(final);
    expect(argDefault).not.toBeNull();
    const installs = final.replace(/\\\n/g, ' ').split('\n').filter((line) => line.startsWith('RUN') && line.includes('npm ci'));
    expect(installs).toHaveLength(1);
    // The image's install, run by a shell as Docker runs it, with npm replaced by an echo of what it is asked.
    const npmCi = (value: string | undefined) =>
      spawnSync('sh', ['-c', `npm() { echo "npm $*"; }; ${installs[0]!.slice('RUN'.length)}`], {
        env: { PATH: process.env.PATH, WHATSAPP_BAILEYS: value ?? argDefault![1] ?? '' },
        encoding: 'utf8',
      })
        .stdout.split('\n')
        .filter((line) => line.startsWith('npm ci'));
    for (const value of [undefined, '0', '']) {
      expect(npmCi(value), String(value)).toHaveLength(1);
      expect(npmCi(value)[0]).toMatch(/--omit=dev\b.*--omit=optional\b|--omit=optional\b.*--omit=dev\b/);
    }
    expect(npmCi('1')).toHaveLength(1);
    expect(npmCi('1')[0]).toMatch(/--omit=dev\b/);
    expect(npmCi('1')[0]).not.toMatch(/--omit=optional/);
    const compose = read('docker-compose.yml');
    expect(compose).toMatch(/build:\n\s+context: \.\n(?:\s+#.*\n)*\s+args:\n\s+WHATSAPP_BAILEYS: \$\{WHATSAPP_BAILEYS:-0\}\n/);
  });

  it('the image runs the bot as npm start does: the same environment for the allocator, the same node flags', () => {
    const start = startCommand(root);
    expect(start.flags).toContain('--max-semi-space-size=4');
    const dockerfile = read('Dockerfile');
    const cmd = /^CMD\s+(\[.*\])$/m.exec(dockerfile);
    expect(JSON.parse(cmd![1]!)).toEqual(['node', ...start.flags, 'dist/src/main.js']);
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM'));
    const env = Object.fromEntries([...final.matchAll(/\b([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
    for (const [name, value] of Object.entries(start.env)) expect(env[name], name).toBe(value);
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
