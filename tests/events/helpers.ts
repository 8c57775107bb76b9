// Shared by the events tests: a console community, button presses and private-chat lines as the platforms send them.
import type { Envelope } from '../../src/core/envelope.js';
import type { TestBot } from '../helpers/app.js';

export { consoleCommunity } from '../alerts/helpers.js';

let seq = 0;

/** A press of a button carrying `data` by `user` in console group `group` (or in their private chat with `private`). */
export async function press(bot: TestBot, group: string, user: string, data: string, options: { private?: boolean; interaction?: boolean } = {}) {
  const envelope: Envelope = {
    id: `console:press-${process.pid}-${seq++}-${Date.now()}`,
    platform: 'console',
    kind: 'button',
    chat: options.private ? { id: `console:@${user}`, type: 'private' } : { id: `console:${group}`, type: 'group', title: group },
    sender: { id: `console:${user}`, name: user[0]!.toUpperCase() + user.slice(1) },
    text: '',
    mentions: [],
    attachments: [],
    addressedToBot: true,
    buttonData: data,
    ...(options.interaction ? { interaction: { id: `i${seq}`, token: 't' } } : {}),
    sentAt: Date.now(),
    raw: null,
  };
  await bot.app.sink(envelope);
  return bot.outcomeOf(envelope);
}

/** A line typed by `user` in their private chat with the bot. */
export async function privately(bot: TestBot, user: string, text: string) {
  const envelope: Envelope = {
    id: `console:dm-${process.pid}-${seq++}-${Date.now()}`,
    platform: 'console',
    kind: 'message',
    chat: { id: `console:@${user}`, type: 'private' },
    sender: { id: `console:${user}`, name: user },
    messageId: `console:dm-${seq}`,
    text,
    mentions: [],
    attachments: [],
    addressedToBot: true,
    sentAt: Date.now(),
    raw: null,
  };
  await bot.app.sink(envelope);
  return bot.outcomeOf(envelope);
}

/** The latest text of each copy of event `id` in console group `group`: the post, as edited since. */
export function copyIn(bot: TestBot, group: string, id: number): { text: string; edits: number; buttons: string[] } | undefined {
  const mine = bot.chat(group).delivered.filter((d) => d.message.id === `event:${id}:post` || d.message.id.startsWith(`event:${id}:v`));
  const last = mine.at(-1);
  if (!last) return undefined;
  return { text: last.text, edits: mine.length - 1, buttons: (last.message.buttons ?? []).map((b) => b.data) };
}
