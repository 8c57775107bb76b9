// Files on Discord against the stand-in: uploads (multipart, through the channel and through the webhook, with the
// text's last part, 10 a message, resumable), downloads of what users posted (CDN only, size-capped, stickers), and
// edits that leave attachments alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { REST, Routes } from 'discord.js';
import { createDiscordAdapter, type DiscordAdapterOptions } from '../../adapters/discord/index.js';
import { normalize } from '../../adapters/discord/normalize.js';
import type { DiscordRawEvent } from '../../adapters/discord/raw.js';
import type { AdapterHooks } from '../../src/core/adapter.js';
import type { Attachment, Envelope } from '../../src/core/envelope.js';
import type { OutboundMessage, Upload } from '../../src/core/outbound.js';
import { resolveFiles } from '../../src/queue/files.js';
import { DiscordStandIn, P } from './standin/server.js';
import type { ApiMessage } from './standin/state.js';
import { deliveryError } from '../helpers/delivery-error.js';

const logger = pino({ level: 'silent' });
let standIn: DiscordStandIn;

beforeEach(async () => {
  standIn = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start();
});
afterEach(async () => {
  await standIn.stop();
});

const adapter = (options: Partial<DiscordAdapterOptions> = {}) => createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, cdnUrl: standIn.cdnUrl, logger, ...options });
const general = () => standIn.world.general;
const out = (m: Partial<OutboundMessage>): OutboundMessage => ({ id: 'files:1', target: `discord:${general()}`, action: 'send', text: 'hello', ...m });
const ref = (m: { id: string; channel_id?: string; channelId?: string }) => `discord:${m.channel_id ?? m.channelId}/${m.id}`;

/** Distinct bytes per file, so a test notices files swapped or cut. */
function bytes(seed: number, length = 300): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (seed * 31 + i * 7) % 256));
}
const photo = (n: number, length = 300): Upload => ({ kind: 'photo', fileName: `photo-${n}.jpg`, mimeType: 'image/jpeg', data: bytes(n, length) });
const long = Array.from({ length: 600 }, (_, i) => `word${String(i).padStart(4, '0')}`).join(' ').slice(0, 5000);

/** The envelope the adapter makes of a message a user posted (normalize is pure; the stand-in gave us the payload). */
function envelopeOf(message: ApiMessage): Envelope {
  const event = { t: 'MESSAGE_CREATE', d: { ...message, guild_id: standIn.world.guild.id } } as unknown as DiscordRawEvent;
  return normalize(event, { botUserId: standIn.world.bot.id })!;
}

describe('Discord uploads', () => {
  it('posts a file with its text through the channel, as multipart with a matching attachments array', async () => {
    const result = await adapter().send(out({ text: 'Flyer for *Saturday*', uploads: [photo(1)] }));
    const [post] = standIn.botPosts(general());
    expect(post).toMatchObject({ content: 'Flyer for \\*Saturday\\*', viaWebhook: false });
    expect(post!.files).toEqual([{ name: 'photo-1.jpg', contentType: 'image/jpeg', size: 300, data: bytes(1) }]);
    expect(result).toEqual({ messageIds: [ref(post!)] });
    const request = standIn.requests.find((r) => r.method === 'POST' && r.template === '/channels/{channel_id}/messages')!;
    expect(request.files).toEqual([{ index: 0, name: 'photo-1.jpg', contentType: 'image/jpeg', size: 300 }]);
    expect(request.body).toMatchObject({ attachments: [{ id: '0', filename: 'photo-1.jpg' }], allowed_mentions: { parse: [], users: [] } });
  });

  it('posts files under an identity through the webhook, also with no text at all (file-only)', async () => {
    const discord = adapter();
    const identity = { name: 'Alice (Telegram)' };
    const captioned = await discord.send(out({ text: 'Our street', identity, uploads: [photo(1), photo(2)] }));
    const bare = await discord.send(out({ id: 'files:2', text: '', identity, uploads: [{ kind: 'voice', fileName: 'voice.ogg', mimeType: 'audio/ogg', data: bytes(3) }] }));
    const posts = standIn.botPosts(general());
    expect(posts.map((p) => ({ content: p.content, viaWebhook: p.viaWebhook, username: p.username, files: p.files.map((f) => f.name) }))).toEqual([
      { content: 'Our street', viaWebhook: true, username: 'Alice (Telegram)', files: ['photo-1.jpg', 'photo-2.jpg'] },
      { content: '', viaWebhook: true, username: 'Alice (Telegram)', files: ['voice.ogg'] },
    ]);
    expect(captioned).toEqual({ messageIds: [ref(posts[0]!)] });
    expect(bare).toEqual({ messageIds: [ref(posts[1]!)], fileOnlyIds: [ref(posts[1]!)] });
    // A voice note is an ordinary audio file: no voice-message flag (it would need a waveform).
    const voice = standIn.botMessages().find((m) => m.id === posts[1]!.id)!;
    expect(voice.flags & (1 << 13)).toBe(0);
    expect(posts[1]!.files[0]).toMatchObject({ contentType: 'audio/ogg', data: bytes(3) });
  });

  it('replies with the file and its text, the bot posting it itself', async () => {
    const original = standIn.userMessage(general(), standIn.world.users.member, 'any photos of the party?');
    await adapter().send(out({ text: '**Bob**: here', replyTo: ref(original), uploads: [photo(5)] }));
    const [post] = standIn.botPosts(general());
    expect(post).toMatchObject({ replyTo: original.id, viaWebhook: false });
    expect(post!.files.map((f) => f.data)).toEqual([bytes(5)]);
  });

  it('puts 10 files with the text and the 11th in a file-only message after it', async () => {
    const uploads = Array.from({ length: 11 }, (_, i) => photo(i));
    const result = await adapter().send(out({ text: 'Album', uploads }));
    const posts = standIn.botPosts(general());
    expect(posts.map((p) => [p.content, p.files.length])).toEqual([
      ['Album', 10],
      ['', 1],
    ]);
    expect(posts.flatMap((p) => p.files.map((f) => f.data))).toEqual(uploads.map((u) => u.data));
    expect(result).toEqual({ messageIds: posts.map(ref), fileOnlyIds: [ref(posts[1]!)] });
  });

  it('keeps a message within the request budget, however few its files', async () => {
    const result = await adapter({ uploadRequestBudget: 1000 }).send(out({ text: 'Three big ones', uploads: [photo(1, 600), photo(2, 600), photo(3, 300)] }));
    const posts = standIn.botPosts(general());
    expect(posts.map((p) => [p.content, p.files.map((f) => f.name)])).toEqual([
      ['Three big ones', ['photo-1.jpg']],
      ['', ['photo-2.jpg', 'photo-3.jpg']],
    ]);
    expect(result.fileOnlyIds).toEqual([ref(posts[1]!)]);
  });

  it('sends a long text first and the files with its last part, replying with the first', async () => {
    const original = standIn.userMessage(general(), standIn.world.users.member, 'details please');
    const result = await adapter().send(out({ text: long, replyTo: ref(original), uploads: [photo(1), photo(2)] }));
    const posts = standIn.botPosts(general());
    expect(posts).toHaveLength(3);
    expect(posts.map((p) => p.content).join(' ')).toBe(long);
    expect(posts.map((p) => p.files.length)).toEqual([0, 0, 2]);
    expect(posts.map((p) => p.replyTo)).toEqual([original.id, undefined, undefined]);
    expect(result).toEqual({ messageIds: posts.map(ref) });
  });

  it('names what it posted before a failure, and resumes after it across text and files', async () => {
    await standIn.stop();
    standIn = await new DiscordStandIn({ perChannel: { limit: 2, windowMs: 800 } }).start();
    const uploads = Array.from({ length: 11 }, (_, i) => photo(i));
    const message = out({ text: long.slice(0, 3000), uploads });
    const discord = adapter();
    // Posts: text part 1, text part 2 with 10 files, the 11th file. The channel takes 2 messages per window.
    const limited = await deliveryError(discord.send(message));
    expect(limited.kind).toBe('rate-limited');
    const first = standIn.botPosts(general());
    expect(first.map((p) => p.files.length)).toEqual([0, 10]);
    expect(limited.details.deliveredIds).toEqual(first.map(ref));
    await new Promise((resolve) => setTimeout(resolve, limited.details.retryAfterMs! + 50));
    const resumed = await discord.send({ ...message, resumeAfter: 2 });
    const all = standIn.botPosts(general());
    expect(all).toHaveLength(3);
    expect(resumed).toEqual({ messageIds: [ref(all[2]!)], fileOnlyIds: [ref(all[2]!)] });
    expect(all.flatMap((p) => p.files.map((f) => f.data))).toEqual(uploads.map((u) => u.data));
  });

  it('is refused by the stand-in, as by Discord, when a file is over the limit', async () => {
    await standIn.stop();
    standIn = await new DiscordStandIn({ uploadLimit: 1000 }).start();
    const refused = await deliveryError(adapter().send(out({ text: 'too big', uploads: [photo(1, 1001)] })));
    expect(refused.kind).toBe('permanent');
    expect(refused.message).toContain('40005');
    const request = standIn.requests.find((r) => r.method === 'POST' && r.template === '/channels/{channel_id}/messages')!;
    expect(request.status).toBe(413);
    expect(request.response).toEqual({ message: 'Request entity too large', code: 40005 });
    expect(standIn.botPosts()).toEqual([]);
    // What the adapter says it takes is what tests (and operators) set.
    expect(adapter({ uploadLimit: 1000 }).uploadLimit!('photo')).toBe(1000);
    expect(adapter().uploadLimit!('document')).toBe(10 * 1024 * 1024);
  });
});

describe('Discord edits of copies with files', () => {
  it('changes the text and keeps the attachments', async () => {
    const discord = adapter();
    const posted = await discord.send(out({ text: 'Lost cat', uploads: [photo(7)] }));
    await discord.send(out({ action: 'edit', text: 'Lost cat (found!)', editOf: posted.messageIds }));
    const [post] = standIn.botPosts(general());
    expect(post).toMatchObject({ content: 'Lost cat (found!)' });
    expect(post!.files.map((f) => f.data)).toEqual([bytes(7)]);
    const patch = standIn.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.body).not.toHaveProperty('attachments');
  });

  it('keeps the files of a part a shorter text no longer needs, emptied instead of deleted', async () => {
    const discord = adapter();
    const identity = { name: 'Alice (Telegram)' };
    const posted = await discord.send(out({ text: long, identity, uploads: [photo(1)] }));
    expect(posted.messageIds).toHaveLength(3);
    const edited = await discord.send(out({ action: 'edit', text: 'short now', identity, editOf: posted.messageIds }));
    const posts = standIn.botPosts(general());
    expect(posts.map((p) => [p.content, p.files.length])).toEqual([
      ['short now', 0],
      ['', 1],
    ]);
    expect(edited.messageIds).toEqual([posted.messageIds[0], posted.messageIds[2]]);
  });

  it('deletes the surplus as before when it may not read the channel history to see what it carries', async () => {
    const discord = adapter();
    const posted = await discord.send(out({ text: long.slice(0, 3000), uploads: [photo(1)] }));
    standIn.setOverwrite(general(), { id: standIn.world.bot.id, type: 1, allow: '0', deny: String(P.READ_MESSAGE_HISTORY) });
    const edited = await discord.send(out({ action: 'edit', text: 'short now', editOf: posted.messageIds }));
    expect(edited.messageIds).toEqual([posted.messageIds[0]]);
    expect(standIn.botPosts(general()).map((p) => p.content)).toEqual(['short now']);
    expect(standIn.requests.some((r) => r.method === 'GET' && r.status === 403)).toBe(true);
  });
});

describe('Discord downloads', () => {
  it('fetches what a user posted, through the gateway, and carries it on byte for byte', async () => {
    const discord = adapter();
    const received: Envelope[] = [];
    const hooks: AdapterHooks = { rolesChanged: () => {}, chatGone: async () => {} };
    await discord.start(async (envelope) => void received.push(envelope), hooks);
    try {
      const pdf = bytes(9, 5000);
      standIn.userFiles(general(), standIn.world.users.member, 'Programme', [{ name: 'programme 2026.pdf', data: pdf, contentType: 'application/pdf' }]);
      await waitFor(() => received.length === 1);
      const [attachment] = received[0]!.attachments;
      expect(attachment).toEqual({ kind: 'document', fileRef: expect.stringContaining(standIn.cdnUrl), fileName: 'programme 2026.pdf', mimeType: 'application/pdf', size: 5000 });
      const upload = await discord.download!(attachment!, 10_000);
      expect(upload).toEqual({ kind: 'document', fileName: 'programme 2026.pdf', mimeType: 'application/pdf', data: pdf });
      await discord.send(out({ target: `discord:${standIn.world.second}`, text: 'Programme', identity: { name: 'Max' }, uploads: [upload] }));
      expect(standIn.botPosts(standIn.world.second)[0]!.files).toEqual([{ name: 'programme 2026.pdf', contentType: 'application/pdf', size: 5000, data: pdf }]);
    } finally {
      await discord.stop();
    }
  });

  it('fetches only from Discord’s CDN hosts or the configured CDN root', async () => {
    const discord = adapter();
    const posted = standIn.userFiles(general(), standIn.world.users.member, '', [{ name: 'a.png', data: bytes(1), contentType: 'image/png' }]);
    const [good] = envelopeOf(posted).attachments;
    for (const fileRef of ['https://example.org/a.png', `${standIn.apiUrl}/v10/users/@me`, good!.fileRef.replace('/cdn/', '/elsewhere/'), 'not a url', 'http://cdn.discordapp.com/attachments/1/2/a.png']) {
      const refused = await deliveryError(discord.download!({ kind: 'photo', fileRef }, 10_000));
      expect(refused.kind).toBe('permanent');
    }
    expect(standIn.cdn.log).toEqual([]);
    expect(standIn.requests.filter((r) => r.path.endsWith('/users/@me'))).toEqual([]);
    await expect(discord.download!(good!, 10_000)).resolves.toMatchObject({ data: bytes(1) });
  });

  it('refuses a file over maxBytes: before fetching when the size is known, by Content-Length, or by counting', async () => {
    const discord = adapter();
    const posted = standIn.userFiles(general(), standIn.world.users.member, '', [{ name: 'big.bin', data: bytes(2, 4000), contentType: 'application/octet-stream' }]);
    const [attachment] = envelopeOf(posted).attachments;
    // The envelope says 4000 bytes; the delivery worker does not even ask for it.
    const target = adapter({ uploadLimit: 1000 });
    const file = { kind: attachment!.kind, source: { platform: 'discord' as const, fileRef: attachment!.fileRef }, fileName: attachment!.fileName, size: attachment!.size, notice: '[a file]' };
    const resolved = await resolveFiles(out({ text: 'big', files: [file] }), target, () => discord);
    expect(resolved.message.uploads).toBeUndefined();
    expect(resolved.message.text).toBe('big\n[a file]');
    expect(standIn.cdn.log).toEqual([]);
    // Asked anyway, the download refuses on Content-Length…
    const byLength = await deliveryError(discord.download!(attachment!, 1000));
    expect(byLength).toMatchObject({ kind: 'permanent', message: expect.stringContaining('4000 bytes is over 1000') });
    // …or, when the CDN does not say, after reading one byte more than allowed.
    standIn.cdn.hideLength = true;
    const byCount = await deliveryError(discord.download!(attachment!, 1000));
    expect(byCount).toMatchObject({ kind: 'permanent', message: expect.stringContaining('more than 1000 bytes') });
    await expect(discord.download!(attachment!, 4000)).resolves.toMatchObject({ data: bytes(2, 4000) });
  });

  it('fetches stickers by format, and refuses Lottie ones', async () => {
    const discord = adapter();
    const posted = standIn.userFiles(general(), standIn.world.users.member, '', [], {
      stickers: [
        { name: 'wave', format: 'png', data: bytes(4) },
        { name: 'dance', format: 'gif', data: bytes(5) },
        { name: 'spin', format: 'lottie', data: Buffer.from('{"v":"5.5.2"}') },
      ],
    });
    const stickers = envelopeOf(posted).attachments;
    expect(stickers.map((s: Attachment) => [s.kind, s.fileName, s.mimeType])).toEqual([
      ['sticker', 'wave', 'image/png'],
      ['sticker', 'dance', 'image/gif'],
      ['sticker', 'spin', 'application/json'],
    ]);
    await expect(discord.download!(stickers[0]!, 10_000)).resolves.toEqual({ kind: 'sticker', fileName: 'wave.png', mimeType: 'image/png', data: bytes(4) });
    await expect(discord.download!(stickers[1]!, 10_000)).resolves.toEqual({ kind: 'sticker', fileName: 'dance.gif', mimeType: 'image/gif', data: bytes(5) });
    const lottie = await deliveryError(discord.download!(stickers[2]!, 10_000));
    expect(lottie).toMatchObject({ kind: 'permanent', message: expect.stringContaining('Lottie') });
    expect(standIn.cdn.log.map((r) => r.path)).toEqual([`/stickers/${stickers[0]!.fileRef}.png`, `/stickers/${stickers[1]!.fileRef}.gif`]);
  });

  it('marks a voice message as a voice note', async () => {
    const posted = standIn.userFiles(general(), standIn.world.users.member, '', [{ name: 'voice-message.ogg', data: bytes(6), contentType: 'audio/ogg' }], { voice: true });
    expect(envelopeOf(posted).attachments).toEqual([expect.objectContaining({ kind: 'voice', mimeType: 'audio/ogg', size: 300 })]);
  });

  it('tells a file that is gone (permanent) from a CDN in trouble (transient)', async () => {
    const discord = adapter();
    const posted = standIn.userFiles(general(), standIn.world.users.member, '', [{ name: 'a.png', data: bytes(1), contentType: 'image/png' }]);
    const [attachment] = envelopeOf(posted).attachments;
    const gone = await deliveryError(discord.download!({ ...attachment!, fileRef: attachment!.fileRef.replace('a.png', 'b.png') }, 10_000));
    expect(gone.kind).toBe('permanent');
    standIn.cdn.failWith = 403;
    expect((await deliveryError(discord.download!(attachment!, 10_000))).kind).toBe('permanent');
    standIn.cdn.failWith = 503;
    expect((await deliveryError(discord.download!(attachment!, 10_000))).kind).toBe('transient');
    standIn.cdn.failWith = undefined;
    const cdnUrl = standIn.cdnUrl;
    await standIn.stop();
    const offline = await deliveryError(createDiscordAdapter({ token: 't', apiUrl: 'http://127.0.0.1:1/api', cdnUrl, logger }).download!(attachment!, 10_000));
    expect(offline.kind).toBe('transient');
    standIn = await new DiscordStandIn().start();
  });
});

describe('Discord stand-in multipart rules', () => {
  const rest = () => new REST({ api: standIn.apiUrl, retries: 0 }).setToken(standIn.token);
  const file = (i: number) => ({ name: `f${i}.txt`, data: bytes(i, 10), contentType: 'text/plain' });

  it('refuses more than 10 files, an empty message, and attachments that do not match the files', async () => {
    const route = Routes.channelMessages(general());
    const eleven = Array.from({ length: 11 }, (_, i) => file(i));
    await expect(rest().post(route, { body: { content: 'x' }, files: eleven })).rejects.toMatchObject({ status: 400, code: 50035 });
    await expect(rest().post(route, { body: { content: '' } })).rejects.toMatchObject({ status: 400, code: 50006 });
    await expect(rest().post(route, { body: { content: 'x', attachments: [{ id: '1', filename: 'f0.txt' }] }, files: [file(0)] })).rejects.toMatchObject({ code: 50035 });
    await expect(rest().post(route, { body: { content: 'x', attachments: [] }, files: [file(0)] })).rejects.toMatchObject({ code: 50035 });
    // A file alone is a message; without an attachments array the form's file names are used.
    const sent = (await rest().post(route, { body: {}, files: [file(0)] })) as { attachments: { filename: string; size: number; url: string }[] };
    expect(sent.attachments).toEqual([expect.objectContaining({ filename: 'f0.txt', size: 10 })]);
    expect(standIn.cdnBytes(sent.attachments[0]!.url)).toEqual(bytes(0, 10));
    expect(standIn.botMessages()).toHaveLength(1);
  });

  it('refuses a request over the total limit with 413 / 40005', async () => {
    await standIn.stop();
    standIn = await new DiscordStandIn({ requestLimit: 2000 }).start();
    const files = [0, 1, 2].map((i) => ({ ...file(i), data: bytes(i, 900) }));
    await expect(rest().post(Routes.channelMessages(general()), { body: { content: 'x' }, files })).rejects.toMatchObject({ status: 413, code: 40005 });
  });

  it('keeps attachments through an edit without `attachments`, and keeps only those listed with it', async () => {
    const route = Routes.channelMessages(general());
    const sent = (await rest().post(route, { body: { content: 'two files' }, files: [file(0), file(1)] })) as { id: string; attachments: { id: string }[] };
    const message = Routes.channelMessage(general(), sent.id);
    await rest().patch(message, { body: { content: '' } });
    expect(standIn.messagesIn(general())[0]!.attachments).toHaveLength(2);
    await rest().patch(message, { body: { attachments: [{ id: sent.attachments[1]!.id }] } });
    expect((standIn.messagesIn(general())[0]!.attachments as { id: string }[]).map((a) => a.id)).toEqual([sent.attachments[1]!.id]);
    await expect(rest().patch(message, { body: { attachments: [] } })).rejects.toMatchObject({ code: 50006 });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
