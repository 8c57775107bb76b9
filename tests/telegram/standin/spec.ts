// Validates Bot API method parameters against the official specification (scraped from core.telegram.org), so the
// stand-in rejects what the real API would reject: missing required fields and values of the wrong type.
import { specPath } from '../../helpers/specs.js';
import { readFileSync } from 'node:fs';

interface SpecField {
  name: string;
  types: string[];
  required: boolean;
  description: string;
}
interface SpecEntry {
  name: string;
  fields?: SpecField[];
  subtypes?: string[];
}
interface Spec {
  version: string;
  methods: Record<string, SpecEntry>;
  types: Record<string, SpecEntry>;
}

const SPEC_PATH = specPath('telegram-bot-api.json');
export const spec: Spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;

export class ParamError extends Error {}

type Result = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Values may arrive as JSON values or, from form bodies and as Telegram allows in JSON too, as strings: numbers as
 * decimal strings and objects/arrays as JSON-serialized strings. Coerce them into their typed form.
 */
function coerce(value: unknown, typeExpr: string, path: string, depth: number): Result {
  if (depth > 20) return { ok: false, error: `${path}: nested too deeply` };
  if (typeExpr.startsWith('Array of ')) {
    let v = value;
    if (typeof v === 'string') {
      try {
        v = JSON.parse(v);
      } catch {
        return { ok: false, error: `${path}: can't parse JSON array` };
      }
    }
    if (!Array.isArray(v)) return { ok: false, error: `${path}: expected an Array` };
    const inner = typeExpr.slice('Array of '.length);
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const r = coerce(v[i], inner, `${path}[${i}]`, depth + 1);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  }
  switch (typeExpr) {
    case 'Integer': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof n === 'number' && Number.isInteger(n)) return { ok: true, value: n };
      return { ok: false, error: `${path}: expected an Integer` };
    }
    case 'Float': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n === 'number' && Number.isFinite(n)) return { ok: true, value: n };
      return { ok: false, error: `${path}: expected a Float` };
    }
    case 'String':
      // The real API stringifies numbers given for string fields.
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number') return { ok: true, value: String(value) };
      return { ok: false, error: `${path}: expected a String` };
    case 'Boolean':
    case 'True':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return { ok: false, error: `${path}: expected a Boolean` };
    case 'InputFile':
      return { ok: true, value };
  }
  const type = spec.types[typeExpr];
  if (!type) return { ok: false, error: `${path}: unknown type ${typeExpr}` };
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return { ok: false, error: `${path}: can't parse JSON object` };
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, error: `${path}: expected an object ${typeExpr}` };
  if (type.subtypes) {
    // A union (BotCommandScope, ChatMember...): the first subtype that accepts the value wins.
    let firstError = `${path}: does not match any of ${type.subtypes.join(', ')}`;
    for (const sub of type.subtypes) {
      const r = coerce(v, sub, path, depth + 1);
      if (r.ok) return r;
      if (sub === type.subtypes[0]) firstError = r.error;
    }
    return { ok: false, error: firstError };
  }
  return coerceFields(v as Record<string, unknown>, type.fields ?? [], path, depth + 1);
}

const DISCRIMINATORS = new Set(['type', 'status', 'source']);

function coerceFields(obj: Record<string, unknown>, fields: SpecField[], path: string, depth: number): Result {
  const out: Record<string, unknown> = { ...obj };
  for (const field of fields) {
    const fieldPath = path ? `${path}.${field.name}` : field.name;
    const raw = obj[field.name];
    if (raw === undefined || raw === null) {
      if (field.required) return { ok: false, error: `${fieldPath} is required` };
      delete out[field.name];
      continue;
    }
    // A field whose description says "must be X" is a discriminator (`type` of a scope, `status` of a member).
    const mustBe = /\bmust be "?([a-z_]+)"?/.exec(field.description);
    if (mustBe && DISCRIMINATORS.has(field.name) && raw !== mustBe[1]) return { ok: false, error: `${fieldPath} must be ${mustBe[1]}` };
    let last: Result = { ok: false, error: `${fieldPath}: no type` };
    for (const t of field.types) {
      last = coerce(raw, t, fieldPath, depth);
      if (last.ok) break;
    }
    if (!last.ok) return last;
    out[field.name] = last.value;
  }
  return { ok: true, value: out };
}

export function isKnownMethod(method: string): boolean {
  return Object.hasOwn(spec.methods, method);
}

/** Returns the parameters coerced to their spec types, or throws ParamError with Telegram's wording. */
export function validateParams(method: string, params: Record<string, unknown>): Record<string, unknown> {
  const entry = spec.methods[method];
  if (!entry) throw new ParamError(`method ${method} not found`);
  const r = coerceFields(params, entry.fields ?? [], '', 0);
  if (!r.ok) throw new ParamError(`Bad Request: ${r.error}`);
  return r.value as Record<string, unknown>;
}
