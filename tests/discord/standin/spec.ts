// Validates requests against Discord's published OpenAPI description (discord/discord-api-spec), so the stand-in
// rejects what the real API would: unknown routes, methods a route does not allow, bodies missing required fields or
// breaking the declared types and limits. It is a small JSON-schema subset on purpose: enough to catch adapter
// mistakes, not a full validator.
import { specPath } from '../../helpers/specs.js';
import { readFileSync } from 'node:fs';

type Schema = Record<string, unknown>;

interface Route {
  template: string;
  pattern: RegExp;
  methods: Record<string, Schema | undefined>;
}

const SPEC_PATH = specPath('discord-openapi.json');

const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};

const routes: Route[] = Object.entries(spec.paths).map(([template, item]) => {
  const methods: Record<string, Schema | undefined> = {};
  for (const [method, op] of Object.entries(item)) {
    if (method === 'parameters') continue;
    methods[method.toUpperCase()] = op.requestBody?.content?.['application/json']?.schema;
  }
  // `{channel_id}` matches one path segment; `@me` / `@original` stay literal.
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return { template, pattern: new RegExp(`^${source}$`), methods };
});

/** Literal routes first (`/users/@me` before `/users/{user_id}`), so the most specific template wins. */
routes.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));

export type RouteCheck = { ok: true; template: string } | { ok: false; status: 404 | 405 };

export function checkRoute(method: string, path: string): RouteCheck {
  const route = routes.find((r) => r.pattern.test(path));
  if (!route) return { ok: false, status: 404 };
  if (!(method in route.methods)) return { ok: false, status: 405 };
  return { ok: true, template: route.template };
}

/** Errors in the body of `method template`, as `path: problem` strings (empty when valid). */
export function checkBody(method: string, template: string, body: unknown): string[] {
  const schema = routes.find((r) => r.template === template)?.methods[method];
  if (!schema) return [];
  const errors: string[] = [];
  validate(schema, body, '', errors);
  return errors;
}

function resolve(schema: Schema): Schema {
  let current = schema;
  while (typeof current.$ref === 'string') {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = spec.components.schemas[name];
    if (!target) throw new Error(`unknown schema ${current.$ref}`);
    current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
  }
  return current;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, value: unknown): boolean {
  const actual = typeOf(value);
  if (expected === actual) return true;
  if (expected === 'number' && actual === 'integer') return true;
  // Discord accepts 64-bit integers (permissions) as decimal strings, and discord.js sends them that way.
  if (expected === 'integer' && typeof value === 'string' && /^\d+$/.test(value)) return true;
  return false;
}

function validate(raw: Schema, value: unknown, path: string, errors: string[]): void {
  const schema = resolve(raw);
  const where = path || '(body)';
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives) {
    const fits = alternatives.some((alt) => {
      const inner: string[] = [];
      validate(alt, value, path, inner);
      return inner.length === 0;
    });
    if (!fits) errors.push(`${where}: matches none of the allowed shapes`);
  }
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf as Schema[]) {
      // `allOf` is used in this spec to attach enum names to integers; only object parts carry constraints.
      if (resolve(part).type === 'object') validate(part, value, path, errors);
    }
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(t, value))) {
      errors.push(`${where}: expected ${types.join('|')}, got ${typeOf(value)}`);
      return;
    }
  }
  if (value === null || value === undefined) return;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${where}: not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) errors.push(`${where}: longer than ${schema.maxLength}`);
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) errors.push(`${where}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${where}: does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${where}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${where}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${where}: more than ${schema.maxItems} items`);
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${where}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((item, i) => validate(schema.items as Schema, item, `${path}[${i}]`, errors));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in object)) errors.push(`${path ? `${path}.` : ''}${key}: required`);
    }
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [key, child] of Object.entries(object)) {
      const childPath = path ? `${path}.${key}` : key;
      if (properties[key]) validate(properties[key], child, childPath, errors);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        validate(schema.additionalProperties as Schema, child, childPath, errors);
      }
    }
    if (typeof schema.maxProperties === 'number' && Object.keys(object).length > schema.maxProperties) {
      errors.push(`${where}: more than ${schema.maxProperties} properties`);
    }
  }
}
