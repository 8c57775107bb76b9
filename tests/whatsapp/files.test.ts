// Files on WhatsApp: uploads with their caption (send with `uploads`), caption edits, and fetching what users post.
import { initAuthCreds } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it, vi } from 'vitest';
import wa from 'whatsapp-web.js';
import type { OutboundMessage, Upload } from '../../src/core/outbound.js';
import { WHATSAPP_DOCUMENT_LIMIT, WHATSAPP_MEDIA_LIMIT } from '../../adapters/whatsapp/files.js';
import { deliveryError } from '../helpers/delivery-error.js';
import { baileysSetup, DRIVERS } from './drivers.js';
import type { StandinClient } from './standin.js';
import { ADMIN, GROUP, MEMBER, startHarness as start, type Harness } from './setup.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.adapter.stop();
  h = undefined;
});

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7]);
const OGG = Buffer.from('OggS\u0000opus voice note bytes');
const PDF = Buffer.from('%PDF-1.7 minutes of the assembly');

function upload(kind: Upload['kind'], data: Buffer, mimeType: string, fileName = `${kind}.bin`): Upload {
  return { kind, fileName, mimeType, data };
}

function outbound(fields: Partial<OutboundMessage>): OutboundMessage {
  return { id: 'relay:1', target: `whatsapp:${GROUP}`, action: 'send', text: '', ...fields };
}

describe.each(DRIVERS)('whatsapp uploads ($name)', (driver) => {
  const startHarness = (options: Parameters<typeof start>[0] = {}) => start(options, driver);

  it('takes 16 MB media and 100 MB documents', async () => {
    h = await startHarness();
    expect(WHATSAPP_MEDIA_LIMIT).toBe(16 * 1024 * 1024);
    expect(WHATSAPP_DOCUMENT_LIMIT).toBe(100 * 1024 * 1024);
    for (const kind of ['photo', 'video', 'audio', 'voice', 'sticker'] as const) expect(h.adapter.uploadLimit(kind)).toBe(WHATSAPP_MEDIA_LIMIT);
    for (const kind of ['document', 'other'] as const) expect(h.adapter.uploadLimit(kind)).toBe(WHATSAPP_DOCUMENT_LIMIT);
  });

  it('posts a photo with the text as its caption: name prefix, formatting and real mentions', async () => {
    h = await startHarness();
    const result = await h.adapter.send(
      outbound({
        text: 'Lost cat, ask Bruno',
        format: [{ type: 'italic', offset: 0, length: 8 }],
        mentions: [{ userId: `whatsapp:${MEMBER}`, offset: 14, length: 5 }],
        identity: { name: 'Chloé (Telegram)' },
        uploads: [upload('photo', JPEG, 'image/jpeg', 'photo.jpg')],
      }),
    );
    expect(h.standin.sent).toHaveLength(1);
    const [sent] = h.standin.sent;
    expect(sent).toMatchObject({ body: '*Chloé (Telegram)*: _Lost cat_, ask @33698765432', mentions: [MEMBER] });
    expect(sent!.media).toMatchObject({ type: 'image', mimetype: 'image/jpeg', sendAudioAsVoice: false, sendMediaAsDocument: false, sendMediaAsSticker: false });
    expect(sent!.media!.data.equals(JPEG)).toBe(true);
    // The caption is text: the copy is edited, not left alone.
    expect(result).toEqual({ messageIds: [`whatsapp:${sent!.id}`] });
  });

  it.each([
    { kind: 'video' as const, mime: 'video/mp4', type: 'video', caption: true },
    { kind: 'document' as const, mime: 'application/pdf', type: 'document', caption: true },
    { kind: 'other' as const, mime: 'application/zip', type: 'document', caption: true },
    { kind: 'voice' as const, mime: 'audio/ogg; codecs=opus', type: 'ptt', caption: false },
    { kind: 'audio' as const, mime: 'audio/mpeg', type: 'audio', caption: false },
    { kind: 'sticker' as const, mime: 'image/png', type: 'sticker', caption: false },
    { kind: 'sticker' as const, mime: 'image/webp', type: 'sticker', caption: false },
    // Telegram's animated stickers cannot become WhatsApp stickers: the file still arrives, as a document.
    { kind: 'sticker' as const, mime: 'application/x-tgsticker', type: 'document', caption: true },
  ])('posts a $kind ($mime) as a $type message', async ({ kind, mime, type: webType, caption }) => {
    // Baileys sends a sticker as given and WhatsApp shows WebP stickers only: without an image converter, the Baileys
    // driver sends any other sticker image as a photo, so it still arrives.
    const type = driver.name === 'baileys' && kind === 'sticker' && mime === 'image/png' ? 'image' : webType;
    h = await startHarness();
    const data = Buffer.from(`${kind} bytes`);
    const result = await h.adapter.send(outbound({ text: 'From the market', uploads: [upload(kind, data, mime, `${kind}.x`)] }));
    const media = h.standin.sent.map((s) => s.media);
    const file = h.standin.sent.at(-1)!;
    expect(file.media).toMatchObject({
      type,
      sendAudioAsVoice: kind === 'voice',
      sendMediaAsDocument: type === 'document',
      sendMediaAsSticker: type === 'sticker',
    });
    expect(file.media!.data.equals(data)).toBe(true);
    if (type === 'document') expect(file.media!.filename).toBe(`${kind}.x`);
    if (caption) {
      expect(h.standin.sent.map((s) => s.body)).toEqual(['From the market']);
      expect(result).toEqual({ messageIds: [`whatsapp:${file.id}`] });
    } else {
      // No caption on voice notes, audio or stickers: the text goes first, the file after it.
      expect(h.standin.sent.map((s) => s.body)).toEqual(['From the market', '']);
      expect(media[0]).toBeUndefined();
      expect(result).toEqual({ messageIds: h.standin.sent.map((s) => `whatsapp:${s.id}`), fileOnlyIds: [`whatsapp:${file.id}`] });
    }
  });

  it('posts a text too long for a caption first, then the files without caption', async () => {
    h = await startHarness();
    const text = 'The assembly voted the new bin schedule. '.repeat(30);
    expect(text.length).toBeGreaterThan(1024);
    const result = await h.adapter.send(outbound({ text, uploads: [upload('photo', JPEG, 'image/jpeg'), upload('document', PDF, 'application/pdf', 'minutes.pdf')] }));
    const sent = h.standin.sent;
    expect(sent.map((s) => [s.media?.type, s.body.length > 0])).toEqual([
      [undefined, true],
      ['image', false],
      ['document', false],
    ]);
    expect(sent[0]!.body).toBe(text);
    expect(result.messageIds).toEqual(sent.map((s) => `whatsapp:${s.id}`));
    expect(result.fileOnlyIds).toEqual([`whatsapp:${sent[1]!.id}`, `whatsapp:${sent[2]!.id}`]);
  });

  it('puts the caption on the first file only, and none at all without text or name', async () => {
    h = await startHarness();
    const files = [upload('photo', JPEG, 'image/jpeg'), upload('photo', PNG, 'image/png')];
    const captioned = await h.adapter.send(outbound({ text: 'Two photos', uploads: files }));
    expect(h.standin.sent.map((s) => s.body)).toEqual(['Two photos', '']);
    expect(captioned.fileOnlyIds).toEqual([captioned.messageIds[1]]);

    const bare = await h.adapter.send(outbound({ id: 'relay:2', text: '', uploads: files }));
    expect(h.standin.sent.slice(2).map((s) => s.body)).toEqual(['', '']);
    expect(bare.fileOnlyIds).toEqual(bare.messageIds);
  });

  it('quotes the replied-to message with the first posted part only', async () => {
    h = await startHarness();
    const question = h.standin.receiveGroupMessage(GROUP, ADMIN, 'Who found a cat?');
    const replyTo = `whatsapp:${question.id._serialized}` as const;
    await h.adapter.send(outbound({ text: 'Me!', replyTo, uploads: [upload('photo', JPEG, 'image/jpeg'), upload('photo', PNG, 'image/png')] }));
    await h.adapter.send(outbound({ id: 'relay:2', text: 'Me again', replyTo, uploads: [upload('voice', OGG, 'audio/ogg')] }));
    expect(h.standin.sent.map((s) => [s.media?.type, s.quotedMessageId])).toEqual([
      ['image', question.id._serialized],
      ['image', undefined],
      [undefined, question.id._serialized],
      ['ptt', undefined],
    ]);
  });

  it('reports the parts posted before a failure, and a retry resumes after them', async () => {
    h = await startHarness();
    const question = h.standin.receiveGroupMessage(GROUP, ADMIN, 'Minutes?');
    const message = outbound({
      text: 'x'.repeat(2_000),
      replyTo: `whatsapp:${question.id._serialized}`,
      uploads: [upload('document', PDF, 'application/pdf', 'minutes.pdf'), upload('photo', JPEG, 'image/jpeg')],
    });
    h.standin.failSendAfter(2);
    const error = await deliveryError(h.adapter.send(message));
    expect(error.kind).toBe('transient');
    const posted = h.standin.sent.map((s) => `whatsapp:${s.id}`);
    expect(posted).toHaveLength(2);
    expect(error.details.deliveredIds).toEqual(posted);

    const retry = await h.adapter.send({ ...message, resumeAfter: 2 });
    expect(h.standin.sent.map((s) => s.media?.type)).toEqual([undefined, 'document', 'image']);
    expect(h.standin.sent.map((s) => s.quotedMessageId)).toEqual([question.id._serialized, undefined, undefined]);
    const last = `whatsapp:${h.standin.sent[2]!.id}`;
    expect(retry).toEqual({ messageIds: [last], fileOnlyIds: [last] });
  });

  it('is transient while the session is not connected', async () => {
    h = await startHarness({ backoff: { initialMs: 60_000 } });
    await h.standin.simulateDisconnect('TIMEOUT');
    const error = await deliveryError(h.adapter.send(outbound({ text: 'x', uploads: [upload('photo', JPEG, 'image/jpeg')] })));
    expect(error.kind).toBe('transient');
  });
});

describe.each(DRIVERS)('whatsapp caption edits ($name)', (driver) => {
  const startHarness = (options: Parameters<typeof start>[0] = {}) => start(options, driver);

  it('changes the caption of a file it posted', async () => {
    h = await startHarness();
    const { messageIds } = await h.adapter.send(outbound({ text: 'Cat found', identity: { name: 'Chloé' }, uploads: [upload('photo', JPEG, 'image/jpeg')] }));
    const edited = await h.adapter.send(outbound({ action: 'edit', text: 'Cat back home', identity: { name: 'Chloé' }, editOf: messageIds }));
    expect(edited).toEqual({ messageIds });
    const [sent] = h.standin.sent;
    expect(sent).toMatchObject({ body: '*Chloé*: Cat back home', edits: ['*Chloé*: Cat back home'] });
    expect(sent!.media!.data.equals(JPEG)).toBe(true);
    const message = await h.standin.messageState(sent!.id);
    expect([message?.hasMedia, message?.body]).toEqual([true, '*Chloé*: Cat back home']);
  });

  it('keeps an edited caption within the caption limit; the rest follows as a new message', async () => {
    h = await startHarness();
    const { messageIds } = await h.adapter.send(outbound({ text: 'Short', uploads: [upload('document', PDF, 'application/pdf', 'a.pdf')] }));
    const longer = 'word '.repeat(300);
    const edited = await h.adapter.send(outbound({ action: 'edit', text: longer, editOf: messageIds }));
    expect(edited.messageIds).toHaveLength(2);
    expect(edited.messageIds[0]).toBe(messageIds[0]);
    const [file, rest] = h.standin.sent;
    expect(file!.body.length).toBeLessThanOrEqual(1024);
    expect(`${file!.body} ${rest!.body}`.replace(/\s+/g, ' ').trim()).toBe(longer.trim());
    expect(rest!.media).toBeUndefined();
  });
});

describe.each(DRIVERS)('whatsapp downloads ($name)', (driver) => {
  const startHarness = (options: Parameters<typeof start>[0] = {}) => start(options, driver);

  it('gives back the bytes of a photo, a voice note, a document and a sticker a user posted', async () => {
    h = await startHarness();
    h.standin.receiveGroupMedia(GROUP, MEMBER, { type: 'image', data: JPEG, caption: 'Lost cat' });
    h.standin.receiveGroupMedia(GROUP, MEMBER, { type: 'ptt', data: OGG });
    h.standin.receiveGroupMedia(GROUP, MEMBER, { type: 'document', data: PDF, filename: 'minutes.pdf', caption: 'Minutes' });
    h.standin.receiveGroupMedia(GROUP, MEMBER, { type: 'sticker', data: PNG });
    await vi.waitFor(() => expect(h!.envelopes).toHaveLength(4));
    expect(h.envelopes.map((e) => [e.text, e.attachments[0]?.kind, e.attachments[0]?.size])).toEqual([
      ['Lost cat', 'photo', JPEG.length],
      ['', 'voice', OGG.length],
      ['Minutes', 'document', PDF.length],
      ['', 'sticker', PNG.length],
    ]);
    const downloads = await Promise.all(h.envelopes.map((e) => h!.adapter.download(e.attachments[0]!, WHATSAPP_MEDIA_LIMIT)));
    expect(downloads.map((d) => [d.kind, d.fileName, d.mimeType])).toEqual([
      ['photo', 'photo.jpg', 'image/jpeg'],
      ['voice', 'voice.ogg', 'audio/ogg; codecs=opus'],
      ['document', 'minutes.pdf', 'application/pdf'],
      ['sticker', 'sticker.webp', 'image/webp'],
    ]);
    const originals = [JPEG, OGG, PDF, PNG];
    expect(downloads.map((d, i) => d.data.equals(originals[i]!))).toEqual([true, true, true, true]);

    // And back out: what was downloaded uploads as the same bytes.
    await h.adapter.send(outbound({ text: '', uploads: [downloads[1]!] }));
    expect(h.standin.sent[0]!.media).toMatchObject({ type: 'ptt', sendAudioAsVoice: true });
    expect(h.standin.sent[0]!.media!.data.equals(OGG)).toBe(true);
  });

  it('refuses a file over maxBytes by its recorded size, before downloading it', async () => {
    h = await startHarness();
    const big = h.standin.receiveGroupMedia(GROUP, MEMBER, { type: 'video', data: JPEG }, { size: 40_000_000 });
    const error = await deliveryError(h.adapter.download({ kind: 'video', fileRef: big.id._serialized }, WHATSAPP_MEDIA_LIMIT));
    expect(error.kind).toBe('permanent');
    expect(h.standin.downloadCount).toBe(0);

    // Without a recorded size, the bytes themselves are measured.
    const unsized = h.standin.receiveGroupMedia(GROUP, MEMBER, { type: 'image', data: JPEG }, { size: undefined });
    expect((await deliveryError(h.adapter.download({ kind: 'photo', fileRef: unsized.id._serialized }, JPEG.length - 1))).kind).toBe('permanent');
    expect(h.standin.downloadCount).toBe(1);
  });

  it('is permanent for an unknown message, a deleted one, expired media or a message without a file', async () => {
    h = await startHarness();
    const file = (ref: string) => ({ kind: 'photo' as const, fileRef: ref });
    const deleted = h.standin.receiveGroupMedia(GROUP, MEMBER, { type: 'image', data: JPEG });
    h.standin.revokeIncoming(deleted.id._serialized);
    const expired = h.standin.receiveGroupMedia(GROUP, MEMBER, { type: 'image', data: JPEG });
    h.standin.expireMedia(expired.id._serialized);
    const text = h.standin.receiveGroupMessage(GROUP, MEMBER, 'just text');
    for (const ref of [`false_${GROUP}_3EB0FFFFFFFFFFFFFFFF_${MEMBER}`, 'not-an-id', deleted.id._serialized, expired.id._serialized, text.id._serialized]) {
      expect((await deliveryError(h.adapter.download(file(ref), WHATSAPP_MEDIA_LIMIT))).kind).toBe('permanent');
    }
  });

  it('is transient while the session is disconnected, and works once it is back', async () => {
    h = await startHarness({ backoff: { initialMs: 5 } });
    const photo = h.standin.receiveGroupMedia(GROUP, MEMBER, { type: 'image', data: JPEG });
    await h.standin.simulateDisconnect('TIMEOUT');
    const error = await deliveryError(h.adapter.download({ kind: 'photo', fileRef: photo.id._serialized }, WHATSAPP_MEDIA_LIMIT));
    expect(error.kind).toBe('transient');
    await vi.waitFor(() => expect(h!.adapter.health?.()).toEqual({ ok: true }));
    const upload = await h.adapter.download({ kind: 'photo', fileRef: photo.id._serialized }, WHATSAPP_MEDIA_LIMIT);
    expect(upload.data.equals(JPEG)).toBe(true);
  });
});

describe('whatsapp stand-in files (web)', () => {
  const startHarness = (options: Parameters<typeof start>[0] = {}) => start(options, DRIVERS[0]);
  it('refuses what WhatsApp would: oversized media, empty files, captions it would not show, look-alike media', async () => {
    h = await startHarness();
    const s = h.standin as StandinClient;
    const tooBig = Buffer.alloc(WHATSAPP_MEDIA_LIMIT + 1).toString('base64');
    await expect(s.sendMessage(GROUP, new wa.MessageMedia('image/jpeg', tooBig))).rejects.toThrow(/over/);
    // The same bytes are a fine document.
    await expect(s.sendMessage(GROUP, new wa.MessageMedia('application/pdf', tooBig), { sendMediaAsDocument: true })).resolves.toBeDefined();
    await expect(s.sendMessage(GROUP, new wa.MessageMedia('image/jpeg', ''))).rejects.toThrow(/media-fault/);
    const voice = new wa.MessageMedia('audio/ogg', OGG.toString('base64'));
    await expect(s.sendMessage(GROUP, voice, { sendAudioAsVoice: true, caption: 'hi' })).rejects.toThrow(/no caption/);
    await expect(s.sendMessage(GROUP, new wa.MessageMedia('image/jpeg', JPEG.toString('base64')), { caption: 'x'.repeat(1025) })).rejects.toThrow(/caption/);
    const lookAlike = { mimetype: 'image/jpeg', data: JPEG.toString('base64') } as unknown as string;
    await expect(s.sendMessage(GROUP, lookAlike)).rejects.toThrow(/MessageMedia/);
    expect(s.sent.map((r) => r.media?.type)).toEqual(['document']);
  });
});

describe('whatsapp stand-in files (baileys)', () => {
  it('refuses what WhatsApp would: oversized media, empty files, captions it would not show, non-WebP stickers', async () => {
    const { world } = baileysSetup('33600000002@c.us');
    world.addGroup(GROUP, 'Rue des Lilas', [{ id: MEMBER }]);
    // A first socket offers a QR code; the scan closes it (restart required); the next one opens with the login.
    const socket = world.makeSocket({ auth: { creds: initAuthCreds(), keys: { get: async () => ({}), set: async () => undefined } } });
    await new Promise((resolve) => setImmediate(resolve));
    world.scanQr();
    const open = world.makeSocket({ auth: { creds: { me: { id: world.botBaileysId } } } as never });
    await new Promise((resolve) => setImmediate(resolve));
    const jid = GROUP;
    const tooBig = Buffer.alloc(WHATSAPP_MEDIA_LIMIT + 1);
    await expect(open.sendMessage(jid, { image: tooBig, mimetype: 'image/jpeg' })).rejects.toThrow(/over/);
    await expect(open.sendMessage(jid, { document: tooBig, mimetype: 'application/pdf' })).resolves.toBeDefined();
    await expect(open.sendMessage(jid, { image: Buffer.alloc(0), mimetype: 'image/jpeg' })).rejects.toThrow(/empty/);
    await expect(open.sendMessage(jid, { audio: OGG, ptt: true, caption: 'hi' } as never)).rejects.toThrow(/no caption/);
    await expect(open.sendMessage(jid, { sticker: PNG, mimetype: 'image/png' })).rejects.toThrow(/WebP/);
    await expect(open.sendMessage(jid, { image: JPEG, caption: 'x'.repeat(1025) })).rejects.toThrow(/caption/);
    await expect(socket.sendMessage(jid, { text: 'closed socket' })).rejects.toThrow(/Closed/);
    expect(world.sent.map((r) => r.media?.type)).toEqual(['document']);
  });
});
