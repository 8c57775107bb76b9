// A plain console group message for queue and pipeline tests: message `n` of chat `chat`, id `console:<chat>-<n>`.
import type { Envelope } from '../../src/core/envelope.js';

export function chatMessage(chat: string, n: number): Envelope {
  return {
    id: `console:${chat}-${n}`,
    platform: 'console',
    kind: 'message',
    chat: { id: `console:${chat}`, type: 'group' },
    sender: { id: 'console:sam', name: 'Sam' },
    messageId: `console:${chat}/${n}`,
    text: `message ${n}`,
    mentions: [],
    attachments: [],
    addressedToBot: false,
    sentAt: Date.now(),
    raw: null,
  };
}

/** The `n` of a chatMessage. */
export const messageNumber = (envelope: Envelope): number => Number(envelope.id.slice(envelope.id.lastIndexOf('-') + 1));
