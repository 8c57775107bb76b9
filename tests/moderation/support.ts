// Console envelopes with what the console REPL cannot type: a reply naming its author and words, a mention, a
// forward's origin, a button press, a private chat. Injected through the app's own sink like any adapter's.
import { randomBytes } from 'node:crypto';
import type { Envelope } from '../../src/core/envelope.js';
import type { Reply, TestBot } from '../helpers/app.js';

const run = randomBytes(3).toString('hex');
let seq = 0;

export interface Say {
  /** Console group key (`g1`), or `@<person>` for that person's private chat. */
  chat: string;
  from: string;
  text?: string;
  replyTo?: { messageId: string; from: string; text?: string };
  mentions?: string[];
  forward?: Envelope['forward'];
  button?: string;
}

export function consoleEnvelope(input: Say): Envelope {
  const n = seq++;
  const isPrivate = input.chat.startsWith('@');
  const messageId = `console:${run}-${n}`;
  return {
    id: `console:mod-${run}-${n}`,
    platform: 'console',
    kind: input.button ? 'button' : 'message',
    chat: { id: `console:${input.chat}`, type: isPrivate ? 'private' : 'group', title: isPrivate ? undefined : input.chat },
    sender: { id: `console:${input.from}`, name: input.from[0]!.toUpperCase() + input.from.slice(1) },
    messageId,
    text: input.text ?? '',
    mentions: (input.mentions ?? []).map((who) => ({ kind: 'user' as const, id: `console:${who}` })),
    ...(input.replyTo
      ? { replyTo: { messageId: input.replyTo.messageId, senderId: `console:${input.replyTo.from}`, senderName: input.replyTo.from, ...(input.replyTo.text ? { text: input.replyTo.text } : {}) } }
      : {}),
    ...(input.forward ? { forwarded: true, forward: input.forward } : {}),
    ...(input.button ? { buttonData: input.button } : {}),
    attachments: [],
    addressedToBot: true,
    sentAt: Date.now(),
    raw: null,
  };
}

/** Sends through the app's sink and waits for the replies to be delivered. */
export async function say(bot: TestBot, input: Say): Promise<{ envelope: Envelope; replies: Reply[] }> {
  const envelope = consoleEnvelope(input);
  await bot.app.sink(envelope);
  return { envelope, replies: await bot.outcomeOf(envelope) };
}

/** Everything the console delivered to a chat key (`g1`, `@alex`). */
export const deliveredTo = (bot: TestBot, key: string) => bot.console.delivered.filter((d) => d.group === key).map((d) => d.message);
