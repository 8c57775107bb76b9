// Files through the Telegram adapter, with the real grammY client against the stand-in: uploads (method by kind,
// caption with entities, long text first, reply and topic, resuming after a failure part-way), downloads (bytes
// round trip, size refused before fetching, error kinds) and caption edits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import pino from 'pino';
import { Api, GrammyError, InputFile } from 'grammy';
import { createTelegramAdapter, type TelegramAdapter } from '../../adapters/telegram/index.js';
import { normalizeToEnvelopes } from '../../adapters/telegram/normalize.js';
import type { OutboundMessage, Upload } from '../../src/core/outbound.js';
import { TelegramStandin, type StandinOptions } from './standin/server.js';
import { deliveryError } from '../helpers/delivery-error.js';

const GROUP = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const FORUM = { id: -100400500, type: 'supergroup' as const, title: 'Quartier Nord', is_forum: true, topics: [7] };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const T = (id: number | string) => `telegram:${id}`;
const logger = pino({ level: 'silent' });
const MB = 1024 * 1024;

// Real file headers, so the stand-in (like Telegram) recognises what they are.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const OGG = Buffer.concat([Buffer.from('OggS\0\x02'), Buffer.alloc(300, 7)]);
const MP4 = Buffer.concat([Buffer.from('\0\0\0\x18ftypmp42'), Buffer.alloc(500, 3)]);
const MP3 = Buffer.concat([Buffer.from('ID3\x04\0'), Buffer.alloc(400, 9)]);
const PDF = Buffer.from('%PDF-1.4\n% compte rendu du conseil de quartier\n%%EOF\n');
const WEBP = Buffer.concat([Buffer.from('RIFF\x20\0\0\0WEBPVP8 '), Buffer.alloc(40, 1)]);
/** A WebP with the VP8X animation flag: an animated sticker, which a photo would freeze. */
const ANIMATED_WEBP = Buffer.concat([Buffer.from('RIFF\x20\0\0\0WEBPVP8X'), Buffer.from([10, 0, 0, 0, 0x02]), Buffer.alloc(40, 1)]);

let standin: TelegramStandin;
let adapter: TelegramAdapter;

async function setup(options: StandinOptions = {}) {
  standin = await TelegramStandin.start(options);
  standin.addChat(GROUP);
  standin.addChat(FORUM);
  adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger });
}

afterEach(async () => {
  await standin.close();
});

function upload(kind: Upload['kind'], data: Buffer, fileName: string, mimeType: string): Upload {
  return { kind, data, fileName, mimeType };
}

function out(partial: Partial<OutboundMessage>): OutboundMessage {
  return { id: 'o1', target: T(GROUP.id), action: 'send', text: '', ...partial };
}

function rejected() {
  return standin.requests.filter((r) => r.status >= 400);
}

const id = (messageId: number) => `telegram:${GROUP.id}/${messageId}`;

describe('upload limits', () => {
  beforeEach(() => setup());

  it('are the Bot API multipart limits: 10 MB for photos, 50 MB for other files', () => {
    expect(adapter.uploadLimit!('photo')).toBe(10 * MB);
    for (const kind of ['video', 'audio', 'voice', 'document', 'sticker', 'other'] as const) expect(adapter.uploadLimit!(kind)).toBe(50 * MB);
  });
});

describe('send with uploads', () => {
  beforeEach(() => setup());

  it('posts each kind with the method that shows it, the text as the first caption with entities, never parse_mode', async () => {
    const uploads = [
      upload('photo', PNG, 'chat.png', 'image/png'),
      upload('document', PDF, 'compte-rendu.pdf', 'application/pdf'),
      upload('voice', OGG, 'voice.ogg', 'audio/ogg; codecs=opus'),
      upload('video', MP4, 'clip.mp4', 'video/mp4'),
      upload('audio', MP3, 'chanson.mp3', 'audio/mpeg'),
      upload('sticker', WEBP, 'sticker.webp', 'image/webp'),
      upload('sticker', ANIMATED_WEBP, 'anim.webp', 'image/webp'),
      upload('photo', Buffer.from('GIF89a...'), 'danse.gif', 'image/gif'),
      upload('video', MP4, 'clip.webm', 'video/webm'),
      upload('voice', Buffer.from('#!AMR\n...'), 'note.amr', 'audio/amr'),
    ];
    const result = await adapter.send(
      out({ text: 'Lost cat, see photo', format: [{ type: 'italic', offset: 0, length: 8 }], identity: { name: 'Bob' }, uploads }),
    );

    expect(rejected()).toEqual([]);
    expect(standin.sent.map((s) => s.method)).toEqual([
      'sendPhoto', 'sendDocument', 'sendVoice', 'sendVideo', 'sendAudio', 'sendPhoto', 'sendDocument', 'sendDocument', 'sendDocument', 'sendDocument',
    ]);
    // The bytes and names arrive as they were given.
    for (const [i, s] of standin.sent.entries()) {
      expect(s.file!.data.equals(uploads[i]!.data)).toBe(true);
      expect(s.file!.fileName).toBe(uploads[i]!.fileName);
    }
    const first = standin.sent[0]!;
    expect(first.text).toBe('Bob: Lost cat, see photo');
    expect(first.params.parse_mode).toBeUndefined();
    expect(first.params.caption_entities).toEqual([
      { type: 'bold', offset: 0, length: 4 },
      { type: 'italic', offset: 5, length: 8 },
    ]);
    for (const s of standin.sent.slice(1)) {
      expect(s.params.caption).toBeUndefined();
      expect(s.params.caption_entities).toBeUndefined();
    }
    // What each message carries, as Telegram stores it.
    const messages = standin.sent.map((s) => standin.message(GROUP.id, s.messageId)!);
    expect(messages[0]!.photo!.at(-1)!.file_id).toBe(standin.sent[0]!.file!.fileId);
    expect(messages[1]!.document).toMatchObject({ file_name: 'compte-rendu.pdf', mime_type: 'application/pdf', file_size: PDF.length });
    expect(messages[2]!.voice).toMatchObject({ mime_type: 'audio/ogg', file_size: OGG.length });
    expect(messages[3]!.video).toMatchObject({ file_name: 'clip.mp4', mime_type: 'video/mp4' });
    expect(messages[4]!.audio).toMatchObject({ file_name: 'chanson.mp3', mime_type: 'audio/mpeg' });

    expect(result.messageIds).toEqual(standin.sent.map((s) => id(s.messageId)));
    expect(result.fileOnlyIds).toEqual(result.messageIds.slice(1));
  });

  it('a file without text and without identity goes without caption; with an identity only, the name is the caption', async () => {
    const bare = await adapter.send(out({ text: '', uploads: [upload('photo', PNG, 'a.png', 'image/png')] }));
    expect(standin.sent[0]!.params.caption).toBeUndefined();
    expect(bare.fileOnlyIds).toEqual(bare.messageIds);

    const named = await adapter.send(out({ text: '  ', identity: { name: 'Bob' }, uploads: [upload('photo', PNG, 'a.png', 'image/png')] }));
    expect(standin.sent[1]!.params.caption).toBe('Bob:');
    expect(standin.sent[1]!.params.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 4 }]);
    expect(named.fileOnlyIds).toBeUndefined();
    expect(rejected()).toEqual([]);
  });

  it('a text too long for a caption goes first, in parts, and the files after it without caption', async () => {
    const text = 'Compte rendu. '.repeat(400).trim(); // 5,599 characters: two text parts
    const result = await adapter.send(
      out({ text, format: [{ type: 'bold', offset: 0, length: 13 }], uploads: [upload('document', PDF, 'cr.pdf', 'application/pdf'), upload('photo', PNG, 'plan.png', 'image/png')] }),
    );
    expect(rejected()).toEqual([]);
    expect(standin.sent.map((s) => s.method)).toEqual(['sendMessage', 'sendMessage', 'sendDocument', 'sendPhoto']);
    expect(standin.sent[0]!.params.entities).toEqual([{ type: 'bold', offset: 0, length: 13 }]);
    expect(standin.sent.slice(0, 2).map((s) => s.text).join(' ')).toBe(text);
    expect(standin.sent[2]!.params.caption).toBeUndefined();
    expect(result.messageIds).toEqual(standin.sent.map((s) => id(s.messageId)));
    expect(result.fileOnlyIds).toEqual(result.messageIds.slice(2));

    // Just over the caption limit is already too long for a caption.
    await adapter.send(out({ text: 'x'.repeat(1025), uploads: [upload('photo', PNG, 'a.png', 'image/png')] }));
    expect(standin.sent.slice(4).map((s) => s.method)).toEqual(['sendMessage', 'sendPhoto']);
    await adapter.send(out({ text: 'x'.repeat(1024), uploads: [upload('photo', PNG, 'a.png', 'image/png')] }));
    expect(standin.sent.slice(6).map((s) => [s.method, s.text.length])).toEqual([['sendPhoto', 1024]]);
  });

  it('the first posted part replies; every part goes to the topic', async () => {
    const { message } = await standin.userMessage({ chat: FORUM, from: ALICE, text: 'anyone seen my cat?', threadId: 7 });
    const replyTo = `telegram:${FORUM.id}/${message.message_id}`;
    await adapter.send(out({ target: T(FORUM.id), threadId: '7', replyTo, text: 'Here', uploads: [upload('photo', PNG, 'a.png', 'image/png'), upload('voice', OGG, 'v.ogg', 'audio/ogg')] }));
    await adapter.send(out({ target: T(FORUM.id), threadId: '7', replyTo, text: 'y'.repeat(2000), uploads: [upload('document', PDF, 'a.pdf', 'application/pdf')] }));
    expect(rejected()).toEqual([]);
    expect(standin.sent.map((s) => s.method)).toEqual(['sendPhoto', 'sendVoice', 'sendMessage', 'sendDocument']);
    expect(standin.sent.map((s) => s.params.message_thread_id)).toEqual([7, 7, 7, 7]);
    expect(standin.sent.map((s) => s.params.reply_parameters !== undefined)).toEqual([true, false, true, false]);
    expect(standin.message(FORUM.id, standin.sent[0]!.messageId)!.reply_to_message?.message_id).toBe(message.message_id);
  });

  it('after a failure part-way, names the parts posted, and the retry posts only the rest', async () => {
    const message = out({
      text: 'z'.repeat(3000),
      uploads: [upload('photo', PNG, 'a.png', 'image/png'), upload('document', PDF, 'b.pdf', 'application/pdf'), upload('voice', OGG, 'c.ogg', 'audio/ogg')],
    });
    // Text and photo go through, then the server fails.
    standin.fail({ status: 500, after: 2 });
    const err = await deliveryError(adapter.send(message));
    expect(err.kind).toBe('transient');
    expect(err.details.deliveredIds).toEqual(standin.sent.map((s) => id(s.messageId)));
    expect(standin.sent.map((s) => s.method)).toEqual(['sendMessage', 'sendPhoto']);

    standin.fail(undefined);
    const retry = await adapter.send({ ...message, resumeAfter: err.details.deliveredIds!.length });
    expect(standin.sent.map((s) => s.method)).toEqual(['sendMessage', 'sendPhoto', 'sendDocument', 'sendVoice']);
    expect(retry.messageIds).toEqual(standin.sent.slice(2).map((s) => id(s.messageId)));
    expect(retry.fileOnlyIds).toEqual(retry.messageIds);
    // The reply (none here) and the caption (none: the text went first) are not repeated on the retry.
    expect(standin.sent.slice(2).every((s) => s.params.caption === undefined)).toBe(true);
  });

  it('a picture Telegram cannot take as a photo goes as a document', async () => {
    const notReally = Buffer.from('this is not a picture at all');
    const result = await adapter.send(out({ text: 'plan', uploads: [upload('photo', notReally, 'plan.png', 'image/png')] }));
    expect(standin.requests.map((r) => [r.method, r.status])).toEqual([['sendPhoto', 400], ['sendDocument', 200]]);
    expect(standin.requests[0]!.description).toBe('Bad Request: IMAGE_PROCESS_FAILED');
    expect(standin.sent[0]!.text).toBe('plan');
    expect(result.messageIds).toEqual([id(standin.sent[0]!.messageId)]);
  });

  it('an upload over what the server takes (413) is permanent', async () => {
    await standin.close();
    await setup({ maxUploadBytes: 1000 });
    const err = await deliveryError(adapter.send(out({ text: 'big', uploads: [upload('document', Buffer.alloc(2000, 1), 'big.bin', 'application/octet-stream')] })));
    expect(err.kind).toBe('permanent');
    expect(standin.requests.at(-1)).toMatchObject({ method: 'sendDocument', status: 413, description: 'Request Entity Too Large' });
  });

  it('property: any text, identity and files produce only requests Telegram accepts', async () => {
    await standin.close();
    await setup({ groupLimit: 10_000, globalLimit: 10_000 });
    const files = [
      upload('photo', PNG, 'a.png', 'image/png'),
      upload('voice', OGG, 'v.ogg', 'audio/ogg'),
      upload('document', PDF, 'line\nbreak"; name=x.pdf', 'application/pdf'),
      upload('sticker', ANIMATED_WEBP, 's.webp', 'image/webp'),
      upload('other', Buffer.from('x'), '', ''),
    ];
    const message = fc.record({
      text: fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('', ' ', 'x'.repeat(1020), 'é'.repeat(1030), '😀'.repeat(600), 'y'.repeat(5000))),
      format: fc.array(fc.record({ type: fc.constantFrom('bold', 'italic' as const), offset: fc.integer({ min: -2, max: 1100 }), length: fc.integer({ min: -1, max: 1100 }) }), { maxLength: 3 }),
      identity: fc.option(fc.record({ name: fc.string({ unit: 'binary', maxLength: 20 }) }), { nil: undefined }),
      uploads: fc.subarray(files, { minLength: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        const before = standin.sent.length;
        const result = await adapter.send(out(m as Partial<OutboundMessage>));
        expect(rejected()).toEqual([]);
        expect(result.messageIds).toHaveLength(standin.sent.length - before);
        expect(standin.sent.slice(before).filter((s) => s.file)).toHaveLength(m.uploads.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('download', () => {
  beforeEach(() => setup());

  it('fetches what a user posted, byte for byte, with the name and type the envelope gives or invented ones', async () => {
    const data = Buffer.concat([OGG, Buffer.from('voice note bytes')]);
    const voice = await standin.userFile({ chat: GROUP, from: ALICE, kind: 'voice', data, caption: 'listen', duration: 3 });
    const [envelope] = normalizeToEnvelopes(voice.update, { id: standin.bot.id, username: 'QuartierBot' }, Date.now());
    expect(envelope!.text).toBe('listen');
    const attachment = envelope!.attachments[0]!;
    expect(attachment).toMatchObject({ kind: 'voice', mimeType: 'audio/ogg', size: data.length });

    const got = await adapter.download!(attachment, 50 * MB);
    expect(got.data.equals(data)).toBe(true);
    expect(got).toMatchObject({ kind: 'voice', fileName: 'voice.ogg', mimeType: 'audio/ogg' });

    const doc = await standin.userFile({ chat: GROUP, from: ALICE, kind: 'document', data: PDF, fileName: 'cr.pdf', caption: 'CR', captionEntities: [{ type: 'bold', offset: 0, length: 2 }] });
    const [docEnvelope] = normalizeToEnvelopes(doc.update, { id: standin.bot.id, username: 'QuartierBot' }, Date.now());
    const gotDoc = await adapter.download!(docEnvelope!.attachments[0]!, 50 * MB);
    expect(gotDoc).toMatchObject({ fileName: 'cr.pdf', mimeType: 'application/pdf' });
    expect(gotDoc.data.equals(PDF)).toBe(true);

    // A photo: the largest size is the picture itself, not the thumbnail.
    const photo = await standin.userFile({ chat: GROUP, from: ALICE, kind: 'photo', data: PNG });
    expect(photo.message.photo).toHaveLength(2);
    const [photoEnvelope] = normalizeToEnvelopes(photo.update, { id: standin.bot.id, username: 'QuartierBot' }, Date.now());
    const gotPhoto = await adapter.download!(photoEnvelope!.attachments[0]!, 10 * MB);
    expect(gotPhoto.data.equals(PNG)).toBe(true);
    expect(gotPhoto).toMatchObject({ kind: 'photo', fileName: 'photo.jpg', mimeType: 'image/jpeg' });
  });

  it('round trip: what the bot uploaded downloads as the same bytes', async () => {
    const data = Buffer.concat([MP4, Buffer.from('the end')]);
    await adapter.send(out({ text: 'clip', uploads: [upload('video', data, 'clip.mp4', 'video/mp4')] }));
    const fileId = standin.sent[0]!.file!.fileId;
    const got = await adapter.download!({ kind: 'video', fileRef: fileId, fileName: 'clip.mp4', mimeType: 'video/mp4' }, 50 * MB);
    expect(got.data.equals(data)).toBe(true);
  });

  it('refuses a file over maxBytes or over the 20 MB Bot API limit before fetching it', async () => {
    const small = standin.addFile('document', Buffer.alloc(1000, 1), { fileName: 'a.bin' });
    const tooSmall = await deliveryError(adapter.download!({ kind: 'document', fileRef: small.fileId }, 999));
    expect(tooSmall.kind).toBe('permanent');
    expect((await adapter.download!({ kind: 'document', fileRef: small.fileId }, 1000)).data.length).toBe(1000);
    expect(standin.fileDownloads).toHaveLength(1);

    const big = standin.addFile('video', Buffer.alloc(20 * MB + 1), { fileName: 'long.mp4' });
    const tooBig = await deliveryError(adapter.download!({ kind: 'video', fileRef: big.fileId }, 50 * MB));
    expect(tooBig.kind).toBe('permanent');
    expect(tooBig.message).toMatch(/file is too big/);
    expect(standin.fileDownloads).toHaveLength(1);
  });

  it('stops reading a file whose size Telegram did not say once it passes maxBytes', async () => {
    const file = standin.addFile('document', Buffer.alloc(300 * 1024, 5), { fileName: 'big.bin', sizeUnknown: true });
    const err = await deliveryError(adapter.download!({ kind: 'document', fileRef: file.fileId }, 100 * 1024));
    expect(err.kind).toBe('permanent');
    expect(standin.fileDownloads).toHaveLength(1);
    const whole = await adapter.download!({ kind: 'document', fileRef: file.fileId }, 300 * 1024);
    expect(whole.data.equals(file.data)).toBe(true);
    expect(whole).toMatchObject({ fileName: 'document.bin', mimeType: 'application/octet-stream' });
  });

  it('an unknown file is permanent, a failing file server transient, and no error names the token', async () => {
    const unknown = await deliveryError(adapter.download!({ kind: 'photo', fileRef: 'AgACAgQAAxkBAAIBnope' }, MB));
    expect(unknown.kind).toBe('permanent');

    const file = standin.addFile('voice', OGG);
    standin.failDownloads(502);
    const failing = await deliveryError(adapter.download!({ kind: 'voice', fileRef: file.fileId }, MB));
    expect(failing.kind).toBe('transient');
    standin.failDownloads(404);
    expect((await deliveryError(adapter.download!({ kind: 'voice', fileRef: file.fileId }, MB))).kind).toBe('permanent');
    standin.failDownloads(undefined);

    const token = standin.token;
    await standin.close();
    const offline = await deliveryError(adapter.download!({ kind: 'voice', fileRef: file.fileId }, MB));
    expect(offline.kind).toBe('transient');
    for (const err of [unknown, failing, offline]) {
      expect(err.message).not.toContain(token);
      expect(JSON.stringify(err.details)).not.toContain(token);
    }
    standin = await TelegramStandin.start(); // for afterEach
  });
});

describe('editing a copy that is a file', () => {
  beforeEach(() => setup());

  it('edits the caption when Telegram says there is no text to edit, with caption_entities', async () => {
    const sent = await adapter.send(out({ text: 'Lost cat', identity: { name: 'Bob' }, uploads: [upload('photo', PNG, 'cat.png', 'image/png')] }));
    const edited = await adapter.send(
      out({ action: 'edit', text: 'Found the cat', format: [{ type: 'italic', offset: 0, length: 5 }], identity: { name: 'Bob' }, editOf: sent.messageIds }),
    );
    expect(edited.messageIds).toEqual(sent.messageIds);
    const messageId = standin.sent[0]!.messageId;
    expect(standin.messageCaption(GROUP.id, messageId)).toBe('Bob: Found the cat');
    expect(standin.message(GROUP.id, messageId)!.caption_entities).toEqual([
      { type: 'bold', offset: 0, length: 4 },
      { type: 'italic', offset: 5, length: 5 },
    ]);
    expect(standin.requests.filter((r) => r.method.startsWith('edit')).map((r) => [r.method, r.status])).toEqual([
      ['editMessageText', 400],
      ['editMessageCaption', 200],
    ]);
    // The same edit again is not an error.
    await adapter.send(out({ action: 'edit', text: 'Found the cat', format: [{ type: 'italic', offset: 0, length: 5 }], identity: { name: 'Bob' }, editOf: sent.messageIds }));
    expect(standin.edits).toHaveLength(1);
  });

  it('cuts a text too long for a caption with an ellipsis, never splitting an emoji', async () => {
    const sent = await adapter.send(out({ text: 'short', uploads: [upload('document', PDF, 'a.pdf', 'application/pdf')] }));
    // Cut at 1023 code units, the 😀 would lose its second half: it goes whole.
    const text = `${'a'.repeat(1022)}😀😀 and more`;
    await adapter.send(out({ action: 'edit', text, format: [{ type: 'bold', offset: 1000, length: 30 }], editOf: sent.messageIds }));
    const caption = standin.messageCaption(GROUP.id, standin.sent[0]!.messageId)!;
    expect(caption.length).toBeLessThanOrEqual(1024);
    expect(caption).toBe(`${'a'.repeat(1022)}…`);
    expect(standin.message(GROUP.id, standin.sent[0]!.messageId)!.caption_entities).toEqual([{ type: 'bold', offset: 1000, length: 22 }]);
    expect(rejected().map((r) => r.method)).toEqual(['editMessageText']);
  });
});

describe('stand-in: files as Telegram takes them', () => {
  beforeEach(() => setup());

  it('refuses a caption over 1024 characters and a photo over 10 MB', async () => {
    const api = new Api(standin.token, { apiRoot: standin.apiRoot });
    const tooLong = await api.sendPhoto(GROUP.id, new InputFile(PNG, 'a.png'), { caption: 'x'.repeat(1025) }).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(GrammyError);
    expect((tooLong as GrammyError).description).toBe('Bad Request: message caption is too long');
    const bigPhoto = Buffer.concat([PNG, Buffer.alloc(10 * MB)]);
    const tooBig = await api.sendPhoto(GROUP.id, new InputFile(bigPhoto, 'big.png')).catch((e: unknown) => e);
    expect((tooBig as GrammyError).error_code).toBe(400);
    // As a document it goes.
    await api.sendDocument(GROUP.id, new InputFile(bigPhoto, 'big.png'), { caption: 'x'.repeat(1024) });
    expect(standin.sent.map((s) => s.method)).toEqual(['sendDocument']);
  });

  it('refuses editMessageText on a file and editMessageCaption on a text; re-sends a known file_id', async () => {
    const api = new Api(standin.token, { apiRoot: standin.apiRoot });
    const photo = await api.sendPhoto(GROUP.id, new InputFile(PNG, 'a.png'), { caption: 'cap' });
    const text = await api.sendMessage(GROUP.id, 'hello');
    expect(((await api.editMessageText(GROUP.id, photo.message_id, 'x').catch((e: unknown) => e)) as GrammyError).description).toBe(
      'Bad Request: there is no text in the message to edit',
    );
    expect(((await api.editMessageCaption(GROUP.id, text.message_id, { caption: 'x' }).catch((e: unknown) => e)) as GrammyError).description).toBe(
      'Bad Request: there is no caption in the message to edit',
    );
    const again = await api.sendPhoto(GROUP.id, photo.photo.at(-1)!.file_id);
    expect(again.photo.at(-1)!.file_id).toBe(photo.photo.at(-1)!.file_id);
    expect(((await api.sendDocument(GROUP.id, 'nonsense').catch((e: unknown) => e)) as GrammyError).description).toBe(
      'Bad Request: wrong file identifier/HTTP URL specified',
    );
  });
});
