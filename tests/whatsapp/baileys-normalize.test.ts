// Baileys' raw messages (real protobuf WebMessageInfo objects) through the Baileys driver's normalisation, then the
// shared one: the envelopes and ids are those the whatsapp-web.js driver gives for the same messages.
import { proto } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { rawEvent } from '../../src/core/envelope.js';
import { parseSerializedId, serializeKey, toBaileysJid, toWebJid, webMessageData } from '../../adapters/whatsapp/baileys/normalize.js';
import { normalizeMessage } from '../../adapters/whatsapp/normalize.js';
import { loadFixture } from './fixtures.js';

const BOT = '33600000001@c.us';
const GROUP = '120363041234567890@g.us';

function message(fields: Record<string, unknown>) {
  return proto.WebMessageInfo.fromObject({ messageTimestamp: 1767225600, pushName: 'Amélie', ...fields });
}

const envelopeOf = (m: proto.WebMessageInfo) => normalizeMessage(webMessageData(m, BOT), { botIds: [BOT] });

describe('baileys ids', () => {
  it('speaks WhatsApp Web ids: users @c.us without the device number, groups and LIDs unchanged', () => {
    expect(toWebJid('33612345678@s.whatsapp.net')).toBe('33612345678@c.us');
    expect(toWebJid('33600000001:7@s.whatsapp.net')).toBe('33600000001@c.us');
    expect(toWebJid('212345678901234@lid')).toBe('212345678901234@lid');
    expect(toWebJid(GROUP)).toBe(GROUP);
    expect(toBaileysJid('33612345678@c.us')).toBe('33612345678@s.whatsapp.net');
    expect(toBaileysJid(GROUP)).toBe(GROUP);
  });

  it('serialises a message key as WhatsApp Web does, and reads it back', () => {
    const theirs = { remoteJid: GROUP, fromMe: false, id: '3EB0A1B2C3D4E5F60718', participant: '33612345678@s.whatsapp.net' };
    // The very id the whatsapp-web.js fixture of this message carries.
    expect(serializeKey(theirs)).toBe(loadFixture('group-command').rawData.id._serialized);
    expect(parseSerializedId(serializeKey(theirs))).toEqual(theirs);
    const ours = { remoteJid: GROUP, fromMe: true, id: '3EB0FFFF' };
    expect(serializeKey(ours)).toBe(`true_${GROUP}_3EB0FFFF`);
    expect(serializeKey({ remoteJid: '33612345678@s.whatsapp.net', fromMe: false, id: 'AB12' })).toBe('false_33612345678@c.us_AB12');
    expect(parseSerializedId('not-an-id')).toBeUndefined();
    expect(parseSerializedId('maybe_x_y')).toBeUndefined();
  });
});

describe('baileys normalize', () => {
  it('gives the same envelope as whatsapp-web.js for a group !command', () => {
    const baileys = envelopeOf(
      message({
        key: { remoteJid: GROUP, fromMe: false, id: '3EB0A1B2C3D4E5F60718', participant: '33612345678@s.whatsapp.net' },
        message: { conversation: '!rules please' },
      }),
    );
    const fixture = loadFixture('group-command');
    const web = normalizeMessage(fixture.rawData, { botIds: [fixture.botId] });
    const pick = (e: typeof web) => e && { id: e.id, kind: e.kind, chat: e.chat, sender: e.sender, messageId: e.messageId, text: e.text, addressedToBot: e.addressedToBot, sentAt: e.sentAt };
    expect(pick(baileys)).toEqual(pick(web));
    expect(rawEvent(baileys!, 'whatsapp')?.event).toBe('message');
  });

  it('reads mentions, replies (with the quoted id rebuilt) and forwarding from the context info', () => {
    const envelope = envelopeOf(
      message({
        key: { remoteJid: GROUP, fromMe: false, id: 'AB01', participant: '33698765432@s.whatsapp.net' },
        message: {
          extendedTextMessage: {
            text: '@33600000001 can you pin this?',
            contextInfo: {
              mentionedJid: ['33600000001@s.whatsapp.net'],
              stanzaId: '3EB0A1B2C3D4E5F60718',
              participant: '33612345678@s.whatsapp.net',
              quotedMessage: { conversation: '!rules please' },
              isForwarded: true,
            },
          },
        },
      }),
    );
    expect(envelope).toMatchObject({
      sender: { id: 'whatsapp:33698765432@c.us' },
      mentions: [{ kind: 'user', id: `whatsapp:${BOT}`, offset: 0, length: 12 }],
      replyTo: { messageId: `whatsapp:${loadFixture('group-command').rawData.id._serialized}`, senderId: 'whatsapp:33612345678@c.us' },
      forwarded: true,
      addressedToBot: true,
    });
    expect(envelope?.forward).toBeUndefined();
  });

  it('reads a forward\'s score: from 5, "forwarded many times", as WhatsApp shows it', () => {
    const forwarded = (forwardingScore: number) =>
      envelopeOf(
        message({
          key: { remoteJid: GROUP, fromMe: false, id: `AB0${forwardingScore}`, participant: '33698765432@s.whatsapp.net' },
          message: { extendedTextMessage: { text: 'share with everyone', contextInfo: { isForwarded: true, forwardingScore } } },
        }),
      );
    expect(forwarded(7)).toMatchObject({ forwarded: true, forward: { manyTimes: true } });
    expect(forwarded(5)).toMatchObject({ forwarded: true, forward: { manyTimes: true } });
    expect(forwarded(4)?.forward).toBeUndefined();
    expect(forwarded(4)?.forwarded).toBe(true);
  });

  it('treats a reply to our own message as addressed to the bot, with our message id', () => {
    const envelope = envelopeOf(
      message({
        key: { remoteJid: GROUP, fromMe: false, id: 'AB02', participant: '33698765432@s.whatsapp.net' },
        message: { extendedTextMessage: { text: 'thanks', contextInfo: { stanzaId: '3EB0FFFF', participant: '33600000001@s.whatsapp.net' } } },
      }),
    );
    expect(envelope?.replyTo).toEqual({ messageId: `whatsapp:true_${GROUP}_3EB0FFFF`, senderId: `whatsapp:${BOT}` });
    expect(envelope?.addressedToBot).toBe(true);
  });

  it('keeps a photo, a voice note and a document as attachments to fetch later, caption as text', () => {
    const key = (id: string) => ({ remoteJid: GROUP, fromMe: false, id, participant: '212345678901234@lid' });
    const photo = envelopeOf(message({ key: key('P1'), message: { imageMessage: { caption: 'Lost cat', mimetype: 'image/jpeg', fileLength: 84213, directPath: '/v/x', url: 'https://mmg/x', jpegThumbnail: Buffer.from('thumb') } } }));
    expect(photo).toMatchObject({ text: 'Lost cat', sender: { id: 'whatsapp:212345678901234@lid' }, attachments: [{ kind: 'photo', fileRef: `false_${GROUP}_P1_212345678901234@lid`, mimeType: 'image/jpeg', size: 84213 }] });
    expect(JSON.stringify(photo)).not.toContain('dGh1bWI');
    const voice = envelopeOf(message({ key: key('P2'), message: { audioMessage: { ptt: true, mimetype: 'audio/ogg; codecs=opus', fileLength: 900, directPath: '/v/y' } } }));
    expect(voice?.attachments).toEqual([{ kind: 'voice', fileRef: `false_${GROUP}_P2_212345678901234@lid`, mimeType: 'audio/ogg; codecs=opus', size: 900 }]);
    // A document with a caption comes wrapped; the wrapper is opened.
    const doc = envelopeOf(
      message({
        key: key('P3'),
        message: { documentWithCaptionMessage: { message: { documentMessage: { caption: 'Minutes', fileName: 'minutes.pdf', mimetype: 'application/pdf', fileLength: 120934, directPath: '/v/z' } } } },
      }),
    );
    expect(doc).toMatchObject({ text: 'Minutes', attachments: [{ kind: 'document', fileName: 'minutes.pdf', size: 120934 }] });
  });

  it('opens disappearing-message wrappers', () => {
    const envelope = envelopeOf(
      message({ key: { remoteJid: GROUP, fromMe: false, id: 'E1', participant: '33612345678@s.whatsapp.net' }, message: { ephemeralMessage: { message: { conversation: '/help' } } } }),
    );
    expect(envelope?.text).toBe('/help');
  });

  it('marks a direct message private and addressed to the bot', () => {
    const envelope = envelopeOf(message({ key: { remoteJid: '33612345678@s.whatsapp.net', fromMe: false, id: 'D1' }, message: { conversation: '!help' } }));
    expect(envelope).toMatchObject({ chat: { id: 'whatsapp:33612345678@c.us', type: 'private' }, sender: { id: 'whatsapp:33612345678@c.us' }, text: '/help', addressedToBot: true });
  });

  it('gives nothing for our own messages, status updates, reactions, protocol messages and group notices', () => {
    const own = message({ key: { remoteJid: GROUP, fromMe: true, id: 'O1' }, message: { conversation: 'hi' } });
    const status = message({ key: { remoteJid: 'status@broadcast', fromMe: false, id: 'S1', participant: '33612345678@s.whatsapp.net' }, message: { conversation: 'my day' } });
    const reaction = message({ key: { remoteJid: GROUP, fromMe: false, id: 'R1', participant: '33612345678@s.whatsapp.net' }, message: { reactionMessage: { text: '👍', key: { id: 'X' } } } });
    const protocol = message({ key: { remoteJid: GROUP, fromMe: false, id: 'R2', participant: '33612345678@s.whatsapp.net' }, message: { protocolMessage: { type: 0, key: { id: 'X' } } } });
    const notice = message({ key: { remoteJid: GROUP, fromMe: false, id: 'N1', participant: '33612345678@s.whatsapp.net' }, messageStubType: proto.WebMessageInfo.StubType.GROUP_PARTICIPANT_ADD, messageStubParameters: ['33677777777@s.whatsapp.net'] });
    for (const m of [own, status, reaction, protocol, notice]) expect(envelopeOf(m)).toBeNull();
  });
});
