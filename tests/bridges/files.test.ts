// Files across a bridge: a photo, a voice note, documents and stickers re-uploaded on every other platform through
// the real adapters and their stand-ins; captions edited in place; a file too large for one side, or gone at its
// source, becomes a short notice there; a source that is down for a while delays the copy, it does not drop it.
import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, GROUP, LILAS, MEMBER, World } from './world.js';
import { DRIVERS } from '../whatsapp/drivers.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const bytes = (size: number, seed: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed) % 256));
/** Bytes that start like a JPEG: Telegram (and its stand-in) refuse a "photo" that is not a picture. */
const jpeg = (size: number, seed: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), bytes(size - 4, seed)]);
const waChat = `whatsapp:${GROUP}`;

describe.each(DRIVERS)('files across a bridge (WhatsApp on $name)', (driver) => {
  it('re-uploads a WhatsApp photo with its caption and a voice note to Discord and Telegram; edits the caption; a delete removes them', async () => {
    const w = (world = await World.create({}, {}, driver));
    await w.linkAll();
    const photo = jpeg(50_000, 1);
    const original = w.wa.receiveGroupMedia(GROUP, MEMBER, { type: 'image', data: photo, caption: 'Found this *cat* on rue des Lilas' }, { notifyName: 'Maya' });
    await w.bot.waitFor(() => w.discord.botPosts(w.general).some((p) => p.files.length > 0));
    const onDiscord = w.discord.botPosts(w.general).find((p) => p.files.length > 0)!;
    expect(onDiscord.viaWebhook).toBe(true);
    expect(onDiscord.username).toBe('Maya');
    expect(onDiscord.content).toBe('Found this **cat** on rue des Lilas');
    expect(onDiscord.files).toHaveLength(1);
    expect(onDiscord.files[0]!.data.equals(photo)).toBe(true);
    expect(onDiscord.files[0]!.contentType).toBe('image/jpeg');

    // On Telegram: sendPhoto, the name in bold in the caption, WhatsApp's *cat* as a bold entity.
    await w.bot.waitFor(() => w.telegramCopies().some((m) => m.method === 'sendPhoto'));
    const onTelegram = w.telegramCopies().find((m) => m.method === 'sendPhoto')!;
    expect(onTelegram.text).toBe('Maya: Found this cat on rue des Lilas');
    expect(onTelegram.params.caption_entities).toEqual(expect.arrayContaining([{ type: 'bold', offset: 0, length: 5 }, { type: 'bold', offset: 17, length: 3 }]));
    expect(onTelegram.file!.data.equals(photo)).toBe(true);

    // A voice note with no text: on Discord an audio file under Maya's name, recorded as a file-only copy.
    const voice = bytes(8_000, 2);
    const note = w.wa.receiveGroupMedia(GROUP, MEMBER, { type: 'ptt', data: voice }, { notifyName: 'Maya' });
    await w.bot.waitFor(() => w.discord.botPosts(w.general).some((p) => p.files.some((f) => f.data.equals(voice))));
    const voiceCopy = w.discord.botPosts(w.general).find((p) => p.files.some((f) => f.data.equals(voice)))!;
    expect(voiceCopy.files[0]!.name).toMatch(/\.ogg$/);
    const noteCopies = () => w.bot.app.services.bridge.repo.copiesIn(`whatsapp:${note.id._serialized}`, `discord:${w.general}`);
    await w.bot.waitFor(async () => (await noteCopies()).length === 1);
    expect((await noteCopies()).map((c) => c.fileOnly)).toEqual([true]);
    // On Telegram a voice note, captioned with the name.
    await w.bot.waitFor(() => w.telegramCopies().some((m) => m.method === 'sendVoice'));
    const voiceOnTelegram = w.telegramCopies().find((m) => m.method === 'sendVoice')!;
    expect(voiceOnTelegram.file!.data.equals(voice)).toBe(true);
    expect(voiceOnTelegram.text).toBe('Maya:');

    // The caption is edited in place: the file stays.
    w.wa.editIncoming(original.id._serialized, 'Found this cat on rue des Lilas, now at no. 12');
    await w.bot.waitFor(() => w.discord.botPosts(w.general).some((p) => p.id === onDiscord.id && p.content.includes('no. 12')));
    expect(w.discord.botPosts(w.general).find((p) => p.id === onDiscord.id)!.files).toHaveLength(1);
    await w.bot.waitFor(() => w.telegram.messageCaption(LILAS.id, onTelegram.messageId) === 'Maya: Found this cat on rue des Lilas, now at no. 12');

    w.wa.revokeIncoming(original.id._serialized);
    w.wa.revokeIncoming(note.id._serialized);
    await w.bot.waitFor(() => !w.discord.botPosts(w.general).some((p) => p.id === onDiscord.id || p.id === voiceCopy.id));
    await w.bot.waitFor(() => w.telegram.message(LILAS.id, onTelegram.messageId) === undefined && w.telegram.message(LILAS.id, voiceOnTelegram.messageId) === undefined);
  }, 60_000);

  it('re-uploads Discord attachments and a sticker to WhatsApp: the first file carries the caption, the others follow', async () => {
    const w = (world = await World.create({}, {}, driver));
    await w.linkAll();
    const waBefore = w.wa.sent.length;
    const image = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), bytes(30_000, 3)]);
    const pdf = bytes(12_000, 4);
    w.discord.userFiles(w.general, w.discord.world.users.member, 'Flyer for **Saturday**', [
      { name: 'flyer.png', data: image, contentType: 'image/png' },
      { name: 'programme.pdf', data: pdf, contentType: 'application/pdf' },
    ]);
    await w.bot.waitFor(() => w.wa.sent.length >= waBefore + 2);
    const [first, second] = w.wa.sent.slice(waBefore);
    expect(first!.media?.data.equals(image)).toBe(true);
    expect(first!.body).toBe('*Max*: Flyer for *Saturday*');
    expect(second!.media?.data.equals(pdf)).toBe(true);
    expect(second!.media?.sendMediaAsDocument).toBe(true);
    expect(second!.media?.filename).toBe('programme.pdf');
    expect(second!.body).toBe('');

    // Telegram gets the same files: the picture as a photo with the caption, the PDF as a document after it.
    await w.bot.waitFor(() => w.telegramCopies().some((m) => m.method === 'sendDocument'));
    const telegramFiles = w.telegramCopies().filter((m) => m.file);
    expect(telegramFiles.map((m) => [m.method, m.text])).toEqual([
      ['sendPhoto', 'Max: Flyer for Saturday'],
      ['sendDocument', ''],
    ]);
    expect(telegramFiles[1]!.file!.fileName).toBe('programme.pdf');

    // WhatsApp's page crashes after two of three files: the retry posts the third only, and the map still knows
    // which copies are files without a caption (an edit must leave them alone).
    const before = w.wa.sent.length;
    w.wa.failSendAfter(2);
    const three = [bytes(3_000, 10), bytes(3_000, 11), bytes(3_000, 12)];
    const post = w.discord.userFiles(w.general, w.discord.world.users.member, 'Three plans', three.map((data, i) => ({ name: `plan${i}.pdf`, data, contentType: 'application/pdf' })));
    await w.bot.waitFor(() => w.wa.sent.length >= before + 3, 30_000);
    await w.bot.settle();
    expect(w.wa.sent.slice(before).map((m) => m.media?.filename)).toEqual(['plan0.pdf', 'plan1.pdf', 'plan2.pdf']);
    const copies = await w.bot.app.services.bridge.repo.copiesIn(`discord:${w.general}/${post.id}`, waChat);
    expect(copies.map((c) => [c.part, c.fileOnly])).toEqual([
      [0, false],
      [1, true],
      [2, true],
    ]);

    const sticker = bytes(4_000, 5);
    w.discord.userFiles(w.general, w.discord.world.users.member, '', [], { stickers: [{ name: 'wave', format: 'png', data: sticker }] });
    await w.bot.waitFor(() => w.wa.sent.some((s) => s.media?.data.equals(sticker)));
    // Baileys has no image converter and WhatsApp shows WebP stickers only: a PNG sticker arrives as a photo there.
    expect(w.wa.sent.find((s) => s.media?.data.equals(sticker))!.media?.sendMediaAsSticker).toBe(driver.name === 'web');
  }, 60_000);

  it('names a file too large for one side in a notice there and still uploads it elsewhere; a file gone at its source becomes a notice', async () => {
    const w = (world = await World.create({}, { uploadLimit: 20_000 }, driver));
    await w.linkAll();
    const big = bytes(40_000, 6);
    const waBefore = w.wa.sent.length;
    w.wa.receiveGroupMedia(GROUP, MEMBER, { type: 'document', data: big, filename: 'minutes.pdf', caption: 'Minutes of the meeting' }, { notifyName: 'Maya' });
    await w.bot.waitFor(() => w.discord.botPosts(w.general).some((p) => p.content.includes('Minutes')));
    const onDiscord = w.discord.botPosts(w.general).find((p) => p.content.includes('Minutes'))!;
    expect(onDiscord.files).toEqual([]);
    // Discord markdown: the notice in italics, its bracket escaped so it is not read as a link.
    expect(onDiscord.content).toBe('Minutes of the meeting\n*\\[file "minutes.pdf" (39 kB): see the original chat\\]*');

    // Gone at the source before its turn: the copy says so instead of failing.
    const gone = w.wa.receiveGroupMedia(GROUP, MEMBER, { type: 'image', data: bytes(1_000, 7), caption: 'Old photo' }, { notifyName: 'Maya' });
    w.wa.expireMedia(gone.id._serialized);
    await w.bot.waitFor(() => w.discord.botPosts(w.general).some((p) => p.content.includes('Old photo')));
    expect(w.discord.botPosts(w.general).find((p) => p.content.includes('Old photo'))!.content).toMatch(/\[photo \(1 kB\): see the original chat/);
    expect(w.wa.sent.length).toBe(waBefore);
  }, 60_000);

  it('re-uploads a Telegram photo with its caption and entities to WhatsApp and Discord', async () => {
    const w = (world = await World.create({}, {}, driver));
    await w.linkAll();
    const waBefore = w.wa.sent.length;
    const photo = jpeg(20_000, 9);
    await w.telegram.userFile({ chat: LILAS, from: ALICE, kind: 'photo', data: photo, caption: 'Street party at 5', captionEntities: [{ type: 'bold', offset: 13, length: 4 }] });
    await w.bot.waitFor(() => w.wa.sent.length > waBefore && w.discord.botPosts(w.general).some((p) => p.files.length > 0));
    const onWhatsApp = w.wa.sent.at(-1)!;
    expect(onWhatsApp.media?.data.equals(photo)).toBe(true);
    expect(onWhatsApp.body).toBe('*Alice*: Street party *at 5*');
    const onDiscord = w.discord.botPosts(w.general).find((p) => p.files.length > 0)!;
    expect(onDiscord.content).toBe('Street party **at 5**');
    expect(onDiscord.files[0]!.data.equals(photo)).toBe(true);
  }, 60_000);

  it('waits while the source CDN fails, then delivers the file, in order with what followed', async () => {
    const w = (world = await World.create({}, {}, driver));
    await w.linkAll();
    const waBefore = w.wa.sent.length;
    w.discord.cdn.failWith = 503;
    const image = bytes(10_000, 8);
    w.discord.userFiles(w.general, w.discord.world.users.member, 'Before the storm', [{ name: 'sky.jpg', data: image, contentType: 'image/jpeg' }]);
    w.discord.userMessage(w.general, w.discord.world.users.member, 'and after');
    await w.bot.waitFor(() => w.discord.cdn.log.filter((r) => r.status === 503).length >= 2, 30_000);
    expect(w.wa.sent.length).toBe(waBefore);
    w.discord.cdn.failWith = undefined;
    await w.bot.waitFor(() => w.wa.sent.length >= waBefore + 2, 60_000);
    const [photo, text] = w.wa.sent.slice(waBefore);
    expect(photo!.media?.data.equals(image)).toBe(true);
    expect(photo!.body).toContain('Before the storm');
    expect(text!.body).toContain('and after');
    // Nothing is left waiting, on either side (Telegram fetched the file too).
    await w.bot.waitFor(async () => (await w.bot.app.services.bridge.linksOf(waChat)).every((l) => l.queued === 0));
  }, 120_000);
});
