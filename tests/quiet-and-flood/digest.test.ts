import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { buildDigest, DIGEST_SEPARATOR } from '../../src/features/quiet-and-flood/digest.js';

const msg = (id: string, text: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id,
  target: 'discord:1',
  action: 'send',
  text,
  ...extra,
});

describe('buildDigest', () => {
  it('packs in order into as few parts as the limit allows, each within it', () => {
    const held = ['a', 'b', 'c', 'd', 'e'].map((c, i) => msg(`m${i}`, c.repeat(900)));
    const parts = buildDigest(held, 2000, 'Header');
    // Header+2 messages (6+2+900+2+900 = 1810), then 2 (1802), then 1: nothing fewer is possible in order.
    expect(parts.map((p) => p.text.length)).toEqual([1810, 1802, 900]);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(2000);
    expect(parts.map((p) => p.text).join(DIGEST_SEPARATOR)).toBe(['Header', ...held.map((m) => m.text)].join(DIGEST_SEPARATOR));
  });

  it('puts everything in one part when it fits', () => {
    const parts = buildDigest([msg('1', 'one'), msg('2', 'two')], 4096, 'While quiet:');
    expect(parts).toEqual([{ text: 'While quiet:\n\none\n\ntwo' }]);
  });

  it('gives an over-long message a part of its own and never an empty part', () => {
    const parts = buildDigest([msg('1', 'x'.repeat(50)), msg('2', 'y'.repeat(150)), msg('3', 'z')], 100, 'H');
    expect(parts.map((p) => p.text)).toEqual(['H\n\n' + 'x'.repeat(50), 'y'.repeat(150), 'z']);
  });

  it('keeps formatting, mentions and a bridged author name at the right offsets', () => {
    const parts = buildDigest(
      [
        msg('1', 'hello', { format: [{ type: 'bold', offset: 0, length: 5 }] }),
        msg('2', 'hi @sam', { identity: { name: 'Ana' }, mentions: [{ userId: 'discord:7', offset: 3, length: 4 }] }),
      ],
      2000,
      'H',
    );
    const part = parts[0]!;
    expect(part.text).toBe('H\n\nhello\n\nAna: hi @sam');
    expect(part.format).toEqual([
      { type: 'bold', offset: 3, length: 5 },
      { type: 'bold', offset: 10, length: 3 },
    ]);
    expect(part.text.slice(part.mentions![0]!.offset, part.mentions![0]!.offset + 4)).toBe('@sam');
  });

  it('keeps a message with buttons alone and starts a new part when the thread changes', () => {
    const parts = buildDigest(
      [msg('1', 'a'), msg('2', 'vote', { buttons: [{ label: 'Yes', data: 'y' }] }), msg('3', 'b'), msg('4', 'c', { threadId: 't9' })],
      2000,
      'H',
    );
    expect(parts).toEqual([
      { text: 'H\n\na' },
      { text: 'vote', buttons: [{ label: 'Yes', data: 'y' }] },
      { text: 'b' },
      { text: 'c', threadId: 't9' },
    ]);
  });
});
