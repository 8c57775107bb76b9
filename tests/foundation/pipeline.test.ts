// The pipeline's contract: stage order, `next` at most once, errors contained per stage and per chat, a deadline per
// update, and per-chat order kept by the partitioned inbound queue under concurrency.
import { afterEach, describe, expect, it } from 'vitest';
import { compose, NextCalledTwiceError, type Stage } from '../../src/core/composer.js';
import type { Context, ContextDeps } from '../../src/core/context.js';
import type { StageError } from '../../src/core/errors.js';
import { createPipeline } from '../../src/pipeline/run.js';
import { InboundQueue, startInboundWorkers } from '../../src/queue/inbound.js';
import { silentLogger } from '../../src/logger.js';
import { translate } from '../../src/i18n/index.js';
import { chatMessage, messageNumber } from '../helpers/envelope.js';
import { testRedis } from '../helpers/storage.js';

const envelope = chatMessage;

const deps = {
  outbox: { enqueue: async () => 'queued' as const },
  roles: { roleOf: async () => 'member' as const },
  translate,
  clock: { now: () => Date.now() },
  log: silentLogger,
  services: { defaults: { language: 'en', timezone: 'UTC' } },
} as unknown as ContextDeps;

const recorder = (name: string, log: string[]): Stage<Context> => ({
  name,
  async run(_ctx, next) {
    log.push(`${name}:in`);
    await next();
    log.push(`${name}:out`);
  },
});

describe('compose', () => {
  it('runs stages in order, onion style', async () => {
    const log: string[] = [];
    await compose([recorder('a', log), recorder('b', log), recorder('c', log)])({} as never);
    expect(log).toEqual(['a:in', 'b:in', 'c:in', 'c:out', 'b:out', 'a:out']);
  });

  it('a stage that does not call next ends the chain', async () => {
    const log: string[] = [];
    const stop: Stage<unknown> = { name: 'stop', run: async () => void log.push('stop') };
    await compose<unknown>([recorder('a', log), stop, recorder('never', log)] as Stage<unknown>[])({});
    expect(log).toEqual(['a:in', 'stop', 'a:out']);
  });

  it('calling next twice throws instead of running the rest twice', async () => {
    const log: string[] = [];
    const twice: Stage<unknown> = {
      name: 'twice',
      async run(_ctx, next) {
        await next();
        await next();
      },
    };
    await expect(compose<unknown>([twice, recorder('after', log)] as Stage<unknown>[])({})).rejects.toBeInstanceOf(NextCalledTwiceError);
    expect(log).toEqual(['after:in', 'after:out']);
  });
});

describe('createPipeline', () => {
  it('contains a failing stage: the error is reported with the chat and later stages still run', async () => {
    const log: string[] = [];
    const errors: StageError[] = [];
    const failing: Stage<Context> = { name: 'failing', run: async () => { throw new Error('boom'); } };
    const pipeline = createPipeline({
      deps,
      deadlineMs: 1000,
      stages: [recorder('first', log), failing, recorder('last', log)],
      onStageError: (error) => errors.push(error),
    });
    await pipeline(envelope('a', 1));
    expect(log).toEqual(['first:in', 'last:in', 'last:out', 'first:out']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ stage: 'failing', chatId: 'console:a' });
  });

  it('next misuse inside the pipeline is a stage error, and the rest runs once', async () => {
    const log: string[] = [];
    const errors: StageError[] = [];
    const twice: Stage<Context> = {
      name: 'twice',
      async run(_ctx, next) {
        await next();
        await next();
      },
    };
    const pipeline = createPipeline({ deps, deadlineMs: 1000, stages: [twice, recorder('after', log)], onStageError: (e) => errors.push(e) });
    await pipeline(envelope('a', 1));
    expect(log).toEqual(['after:in', 'after:out']);
    expect(errors[0]?.cause).toBeInstanceOf(NextCalledTwiceError);
  });

  it('gives up on an update after its deadline', async () => {
    const stuck: Stage<Context> = { name: 'stuck', run: () => new Promise(() => {}) };
    const pipeline = createPipeline({ deps, deadlineMs: 50, stages: [stuck] });
    await expect(pipeline(envelope('a', 1))).rejects.toThrow(/deadline/);
  });
});

describe('inbound queue', () => {
  let workers: { close(): Promise<void> }[] = [];
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.close()));
    workers = [];
    await cleanup?.();
  });

  it('keeps each chat in order under concurrency, and one failing chat does not stop the others', async () => {
    const r = await testRedis();
    cleanup = r.cleanup;
    const inbound = new InboundQueue({ redis: r.redis, prefix: r.prefix, partitions: 4 });
    const seen = new Map<string, number[]>();
    const chats = Array.from({ length: 8 }, (_, i) => `chat${i}`);
    workers = startInboundWorkers({
      redis: r.redis,
      prefix: r.prefix,
      partitions: 4,
      log: silentLogger,
      process: async (env) => {
        // Uneven work per update, so a partition that ran jobs in parallel would reorder them.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
        if (env.chat.id === 'console:chat3') throw new Error('this chat is broken');
        const n = messageNumber(env);
        seen.set(env.chat.id, [...(seen.get(env.chat.id) ?? []), n]);
      },
    });
    // Interleave 30 updates per chat across 8 chats, added concurrently.
    const adds: Promise<void>[] = [];
    for (let n = 0; n < 30; n++) for (const chat of chats) adds.push(inbound.sink(envelope(chat, n)));
    await Promise.all(adds);
    const expected = Array.from({ length: 30 }, (_, n) => n);
    const deadline = Date.now() + 20_000;
    while ([...seen.values()].reduce((s, l) => s + l.length, 0) < 7 * 30 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const chat of chats) {
      if (chat === 'chat3') expect(seen.has('console:chat3')).toBe(false);
      else expect(seen.get(`console:${chat}`)).toEqual(expected);
    }
    await inbound.close();
  });
});
