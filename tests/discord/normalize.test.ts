// Fixture → envelope: every raw Discord event shape the adapter handles, through the pure normalize().
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize, type NormalizeContext } from '../../adapters/discord/normalize.js';
import { toApplicationCommands } from '../../adapters/discord/commands.js';
import type { DiscordRawEvent } from '../../adapters/discord/raw.js';
import { rawEvent } from '../../src/core/envelope.js';

const CH = '1250000000000000100';
const TH = '1250000000000000199';
const fixture = (name: string) => (JSON.parse(readFileSync(new URL(`../fixtures/discord/${name}.json`, import.meta.url), 'utf8')) as { event: DiscordRawEvent }).event;

const { shapes } = toApplicationCommands([
  {
    name: 'faq',
    role: 'member',
    descriptions: { en: 'Frequently asked questions' },
    args: [{ name: 'question', required: false, rest: true, descriptions: { en: 'What to look up' } }],
    subcommands: [
      {
        name: 'add',
        role: 'moderator',
        descriptions: { en: 'Add an entry' },
        args: [
          { name: 'question', required: true, rest: false, descriptions: { en: 'Question' } },
          { name: 'answer', required: true, rest: true, descriptions: { en: 'Answer' } },
        ],
      },
    ],
  },
]);

const context: NormalizeContext = {
  botUserId: '1250000000000000900',
  applicationId: '1250000000000000901',
  ownWebhookIds: new Set(),
  parentOf: (id) => (id === TH ? CH : undefined),
  commands: shapes,
  now: 1_750_000_000_000,
};

describe('Discord normalize', () => {
  it('turns a message into an envelope with qualified ids', () => {
    const envelope = normalize(fixture('message'), context)!;
    expect(envelope).toMatchObject({
      id: `discord:${CH}/1380000000000000001`,
      platform: 'discord',
      kind: 'message',
      chat: { id: `discord:${CH}`, type: 'group' },
      sender: { id: 'discord:1250000000000000501', name: 'Max', username: 'max.dupont' },
      messageId: `discord:${CH}/1380000000000000001`,
      text: 'Anyone seen a grey cat near the bakery?',
      mentions: [],
      attachments: [],
      addressedToBot: false,
      sentAt: Date.parse('2025-06-01T09:30:00Z'),
    });
    expect(envelope.chat.threadId).toBeUndefined();
    expect(rawEvent(envelope, 'discord')?.t).toBe('MESSAGE_CREATE');
  });

  it('rewrites a leading !command to /command', () => {
    expect(normalize(fixture('text-command'), context)?.text).toBe('/faq wifi');
  });

  it('keeps reply-to and marks replies to the bot as addressed to it', () => {
    const envelope = normalize(fixture('reply'), context)!;
    expect(envelope.replyTo).toEqual({ messageId: `discord:${CH}/1380000000000000003`, senderId: 'discord:1250000000000000900', senderName: 'quartier', text: 'The market is on Saturday' });
    expect(envelope.addressedToBot).toBe(true);
  });

  it('turns an edit into kind edit with its own event id, and ignores link-preview updates', () => {
    const envelope = normalize(fixture('edit'), context)!;
    expect(envelope.kind).toBe('edit');
    expect(envelope.messageId).toBe(`discord:${CH}/1380000000000000001`);
    expect(envelope.id).toBe(`discord:edit:${CH}/1380000000000000001:2025-06-01T09:41:12.345000+00:00`);
    expect(envelope.text).toContain('(found, thanks)');
    expect(envelope.sentAt).toBe(Date.parse('2025-06-01T09:41:12.345Z'));
    expect(normalize(fixture('embed-update'), context)).toBeNull();
  });

  it('turns a delete into kind delete', () => {
    expect(normalize(fixture('delete'), context)).toMatchObject({
      kind: 'delete',
      id: `discord:delete:${CH}/1380000000000000001`,
      messageId: `discord:${CH}/1380000000000000001`,
      chat: { id: `discord:${CH}` },
      sentAt: context.now,
    });
  });

  it('lists attachments by kind', () => {
    const envelope = normalize(fixture('attachment'), context)!;
    expect(envelope.text).toBe('Flyer for the street party');
    expect(envelope.attachments).toEqual([
      { kind: 'photo', fileRef: expect.stringContaining('party.jpg'), fileName: 'party.jpg', mimeType: 'image/jpeg', size: 182044 },
      { kind: 'document', fileRef: expect.stringContaining('programme.pdf'), fileName: 'programme.pdf', mimeType: 'application/pdf', size: 50211 },
    ]);
  });

  it('puts a thread message in its parent channel with the thread id', () => {
    const envelope = normalize(fixture('thread'), context)!;
    expect(envelope.chat).toEqual({ id: `discord:${CH}`, type: 'group', threadId: TH });
    expect(envelope.messageId).toBe(`discord:${TH}/1380000000000000006`);
  });

  it('takes mentions from metadata, with their place in the text', () => {
    const envelope = normalize(fixture('mentions'), context)!;
    const text = envelope.text;
    expect(envelope.mentions).toEqual([
      { kind: 'user', id: 'discord:1250000000000000502', offset: 0, length: 22 },
      { kind: 'user', id: 'discord:1250000000000000900', offset: text.indexOf('<@1250000000000000900>'), length: 22 },
      { kind: 'role', id: 'discord:1250000000000000300', offset: text.indexOf('<@&'), length: 23 },
      { kind: 'everyone', offset: text.indexOf('@everyone'), length: 9 },
    ]);
    expect(envelope.addressedToBot).toBe(true);
    // Text that merely looks like mentions produces none.
    expect(normalize(fixture('fake-mentions'), context)?.mentions).toEqual([]);
  });

  it('ignores our own messages and our own webhook echoes, but not other webhooks', () => {
    expect(normalize(fixture('own-message'), context)).toBeNull();
    expect(normalize(fixture('webhook-echo'), context)).toBeNull();
    // Recognised by the webhook id alone too (a webhook we created, application id unknown).
    expect(normalize(fixture('webhook-echo'), { botUserId: context.botUserId, ownWebhookIds: new Set(['1250000000000000777']) })).toBeNull();
    expect(normalize(fixture('foreign-webhook'), context)?.text).toBe('Road closed on Monday');
  });

  it('turns a slash command into /name sub args in declared order, addressed to the bot, with the interaction', () => {
    const envelope = normalize(fixture('interaction'), context)!;
    expect(envelope).toMatchObject({
      id: 'discord:interaction:1380000000000000020',
      kind: 'message',
      text: '/faq add wifi The code is on the fridge',
      addressedToBot: true,
      interaction: { id: '1380000000000000020', token: 'aW50ZXJhY3Rpb246MTM4MDAwMDAwMDAwMDAwMDAyMDp0b2tlbg' },
      sender: { id: 'discord:1250000000000000502', name: 'Mona', language: 'fr' },
      chat: { id: `discord:${CH}`, type: 'group' },
    });
  });

  it('drops the bare-form sub-command name, and places a command run in a thread in its channel', () => {
    const envelope = normalize(fixture('interaction-bare'), context)!;
    expect(envelope.text).toBe('/faq bins');
    expect(envelope.chat).toEqual({ id: `discord:${CH}`, type: 'group', threadId: TH });
  });

  it('turns a button press into kind button with its data', () => {
    const envelope = normalize(fixture('button'), context)!;
    expect(envelope).toMatchObject({ kind: 'button', buttonData: 'alert:approve:4', messageId: `discord:${CH}/1380000000000000003`, addressedToBot: true });
    expect(envelope.interaction).toBeUndefined();
  });

  it('treats a direct message as private and addressed to the bot', () => {
    const envelope = normalize(fixture('direct-message'), context)!;
    expect(envelope.chat).toEqual({ id: 'discord:1250000000000000150', type: 'private' });
    expect(envelope.addressedToBot).toBe(true);
    expect(envelope.text).toBe('/help');
  });

  it('marks forwards and takes their text from the snapshot', () => {
    const envelope = normalize(fixture('forward'), context)!;
    expect(envelope.forwarded).toBe(true);
    expect(envelope.forward).toEqual({ fromChat: 'discord:1250000000000000111' });
    expect(envelope.text).toBe('Water cut tomorrow 8-12');
    expect(envelope.replyTo).toBeUndefined();
  });

  it('produces JSON-serialisable envelopes', () => {
    for (const name of ['message', 'reply', 'interaction', 'button', 'delete']) {
      const envelope = normalize(fixture(name), context)!;
      expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope);
    }
  });
});
