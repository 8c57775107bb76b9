// The capped download the Telegram and Discord adapters share: what it refuses, how, and that no URL (which can hold
// a token) ever reaches an error.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/outbound.js';
import { fetchCapped } from '../../src/queue/download.js';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const [, status, size, declared] = /^\/(\d+)\/(\d+)\/(yes|no)\/secret-token$/.exec(req.url ?? '') ?? [];
    const body = Buffer.alloc(Number(size ?? 0), 7);
    const headers: Record<string, string> = { 'content-type': 'image/png; charset=binary' };
    if (declared === 'yes') headers['content-length'] = String(body.length);
    res.writeHead(Number(status ?? 404), headers);
    if (declared === 'yes') res.end(body);
    else {
      res.write(body.subarray(0, body.length / 2));
      res.end(body.subarray(body.length / 2));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, limit = 100) => fetchCapped(`${base}${path}/secret-token`, { limit, what: 'test file', timeoutMs: 5_000 });
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as DeliveryError);

describe('fetchCapped', () => {
  it('returns the bytes and the content type, up to the cap exactly', async () => {
    expect(await get('/200/100/yes')).toEqual({ data: Buffer.alloc(100, 7), contentType: 'image/png' });
    expect((await get('/200/100/no')).data).toHaveLength(100);
  });

  it('refuses a file over the cap, by its declared size or by counting', async () => {
    expect(await failure(get('/200/101/yes'))).toMatchObject({ kind: 'permanent', message: 'test file: 101 bytes is over 100' });
    expect(await failure(get('/200/101/no'))).toMatchObject({ kind: 'permanent', message: 'test file: more than 100 bytes' });
  });

  it('5xx and 429 are worth a retry, other refusals are not; no URL in any error', async () => {
    const errors = [await failure(get('/503/1/yes')), await failure(get('/429/1/yes')), await failure(get('/404/1/yes'))];
    expect(errors.map((e) => e?.kind)).toEqual(['transient', 'transient', 'permanent']);
    const unreachable = await failure(fetchCapped('http://127.0.0.1:1/secret-token', { limit: 1, what: 'test file', timeoutMs: 5_000 }));
    expect(unreachable).toMatchObject({ kind: 'transient' });
    for (const error of [...errors, unreachable]) expect(error!.message).not.toMatch(/secret-token|127\.0\.0\.1/);
  });
});
