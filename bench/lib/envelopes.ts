// Synthetic inbound envelopes for the benchmark: console-platform group messages spread over many chats.
import type { Envelope } from '../../src/core/envelope.js';

export function benchEnvelope(run: string, n: number, chats: number, text: string): Envelope {
  const chat = n % chats;
  return {
    id: `console:${run}-${n}`,
    platform: 'console',
    kind: 'message',
    chat: { id: `console:bench-${chat}`, type: 'group', title: `Bench ${chat}` },
    sender: { id: `console:member-${n % 50}`, name: 'Member' },
    messageId: `console:${run}/${n}`,
    text,
    mentions: [],
    attachments: [],
    addressedToBot: text.startsWith('/'),
    sentAt: Date.now(),
    raw: null,
  };
}
