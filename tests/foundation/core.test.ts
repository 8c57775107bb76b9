// src/core is the contract every other part builds on: it imports only itself and external libraries, so a feature,
// an adapter or a test can take its types without pulling in storage, queues or another feature.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '../../src/core');

describe('src/core', () => {
  it('imports nothing of the project outside itself', () => {
    const outside: string[] = [];
    for (const file of readdirSync(CORE).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(CORE, file), 'utf8');
      for (const match of source.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
        const from = match[1]!;
        if (from.startsWith('.') && !from.startsWith('./')) outside.push(`${file}: ${from}`);
        if (from.startsWith('./') && from.slice(2).includes('/')) outside.push(`${file}: ${from}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('validates envelopes with the schema their type is derived from', async () => {
    const { envelopeSchema } = await import('../../src/core/envelope.js');
    const { chatMessage } = await import('../helpers/envelope.js');
    const envelope = chatMessage('g1', 1);
    expect(envelopeSchema.parse(envelope)).toEqual(envelope);
    expect(envelopeSchema.safeParse({ ...envelope, chat: { ...envelope.chat, id: 'g1' } }).success).toBe(false);
    expect(envelopeSchema.safeParse({ ...envelope, kind: 'poke' }).success).toBe(false);
  });
});

describe('message ids of per-chat platforms', () => {
  it('round-trip through chatMessageId and splitChatMessageId, and refuse anything else', async () => {
    const { chatMessageId, splitChatMessageId } = await import('../../src/core/envelope.js');
    expect(chatMessageId('telegram', -100123, 42)).toBe('telegram:-100123/42');
    expect(splitChatMessageId('telegram:-100123/42')).toEqual({ platform: 'telegram', chat: '-100123', message: '42' });
    expect(splitChatMessageId(chatMessageId('discord', '1', '2'))).toEqual({ platform: 'discord', chat: '1', message: '2' });
    for (const id of ['telegram:-100123', 'telegram:/42', 'telegram:1/2/3', 'nowhere:1/2', '1/2']) expect(splitChatMessageId(id)).toBeUndefined();
  });
});
