// Moderation on the platforms' stand-ins, through the real adapters: a WhatsApp group's log in a Discord channel,
// where its reports arrive with buttons that act on WhatsApp; mutes that block and unmutes that restore on Telegram,
// Discord and WhatsApp; the note under forwarded rumours on WhatsApp and Telegram, never under a moderator's message.
import { afterEach, describe, expect, it } from 'vitest';
import type { Message as TelegramMessage } from 'grammy/types';
import { translate } from '../../src/i18n/index.js';
import { PostRefused } from '../telegram/standin/server.js';
import { ADMIN, ALICE, BOB, GROUP, LILAS, MEMBER, World } from '../bridges/world.js';
import { BOT } from '../whatsapp/setup.js';
import { DRIVERS } from '../whatsapp/drivers.js';
import { P } from '../discord/standin/state.js';

const t = (key: string, params?: Record<string, unknown>) => translate('en', key, params);
const CAROL = { id: 44, is_bot: false, first_name: 'Carol' };
const DAN = { id: 45, is_bot: false, first_name: 'Dan' };

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** True once the WhatsApp stand-in holds the message as deleted for everyone. */
async function revokedOnWhatsApp(w: World, serialized: string): Promise<boolean> {
  return (await w.wa.messageState(serialized))?.type === 'revoked';
}

describe.each(DRIVERS)('WhatsApp group ($name), Discord log', { timeout: 120_000 }, (driver) => {
  it('links the log with a code, reports arrive there with buttons that act on WhatsApp, mutes delete while they last, forwarded rumours get a note', async () => {
    const w = (world = await World.create({}, {}, driver));
    w.wa.setAdmin(GROUP, BOT, true);
    const { admin, moderator, member } = w.discord.world.users;
    const log = () => w.discord.botMessages().filter((m) => m.channel_id === w.general && !m.deleted && !m.ephemeral);

    // /log link on WhatsApp: the code goes to the admin privately, and links the Discord channel.
    const before = w.wa.sent.length;
    w.wa.receiveGroupMessage(GROUP, ADMIN, '/log link');
    const code = () => w.wa.sent.slice(before).filter((s) => s.chatId === ADMIN).map((s) => /\/log ([A-Z0-9-]+)/.exec(s.body)?.[1]).find(Boolean);
    await w.bot.waitFor(() => code() !== undefined);
    expect(w.wa.sent.some((s) => s.chatId === GROUP && s.body.includes(code()!))).toBe(false);
    // A Discord member who got hold of it cannot use it; an admin of the channel can.
    w.discord.userMessage(w.general, member, `!log ${code()}`);
    await w.bot.waitFor(() => w.discord.botMessages().some((m) => m.content === t('errors.needs_admin', { command: '/log' })));
    w.discord.userMessage(w.general, admin, `!log ${code()}`);
    await w.bot.waitFor(() => log().some((m) => m.content.startsWith('This chat now receives the moderation log of')));

    // A settings change on WhatsApp is logged on Discord.
    w.wa.receiveGroupMessage(GROUP, ADMIN, '/flood 5 10');
    await w.bot.waitFor(() => log().some((m) => m.content.includes('changed a setting (flood)')));

    // A report: on Discord, with the message and buttons, without the reporter's name.
    const rumour = w.wa.receiveGroupMessage(GROUP, MEMBER, 'the tap water is poisoned', { notifyName: 'Marc' });
    w.wa.receiveGroupMessage(GROUP, ADMIN, '/report false alarm', { notifyName: 'Rita', replyTo: rumour.id._serialized });
    await w.bot.waitFor(() => log().some((m) => m.content.includes('the tap water is poisoned')));
    const report = log().find((m) => m.content.includes('the tap water is poisoned'))!;
    expect(report.content).not.toContain('Rita');
    const customIds = JSON.stringify(report.components);
    expect(customIds).toContain('mod:delete:1');
    expect(w.wa.sent.some((s) => s.chatId === ADMIN && s.body === t('moderation.report.thanks'))).toBe(true);

    // A Discord member's press is refused; the moderator's deletes the message on WhatsApp.
    w.discord.pressButton(report.id, member, 'mod:delete:1');
    await w.bot.waitFor(() => w.discord.botMessages().some((m) => m.content === t('errors.needs_moderator', { command: '/report' })));
    expect(await revokedOnWhatsApp(w, rumour.id._serialized)).toBe(false);
    w.discord.pressButton(report.id, moderator, 'mod:delete:1');
    await w.bot.waitFor(() => revokedOnWhatsApp(w, rumour.id._serialized));

    // A mute on WhatsApp: their messages are deleted while it lasts; the log hears of it; /unmute restores.
    const next = w.wa.receiveGroupMessage(GROUP, MEMBER, 'hello again', { notifyName: 'Marc' });
    w.wa.receiveGroupMessage(GROUP, ADMIN, '/mute 10m', { replyTo: next.id._serialized });
    await w.bot.waitFor(() => w.wa.sent.some((s) => s.chatId === GROUP && /is muted until/.test(s.body)));
    await w.bot.waitFor(() => log().some((m) => /muted .* until/.test(m.content)));
    const during = w.wa.receiveGroupMessage(GROUP, MEMBER, 'I am still talking', { notifyName: 'Marc' });
    await w.bot.waitFor(() => revokedOnWhatsApp(w, during.id._serialized));
    w.wa.receiveGroupMessage(GROUP, ADMIN, '/unmute', { replyTo: next.id._serialized });
    await w.bot.waitFor(() => w.wa.sent.some((s) => s.chatId === GROUP && s.body.endsWith('may write again.')));
    const after = w.wa.receiveGroupMessage(GROUP, MEMBER, 'thank you', { notifyName: 'Marc' });
    await w.bot.settle();
    expect(await revokedOnWhatsApp(w, after.id._serialized)).toBe(false);

    // Forwarded many times: one note under a member's, none under an admin's or a message forwarded a few times.
    w.wa.receiveGroupMessage(GROUP, ADMIN, '/forwards note on');
    await w.bot.waitFor(() => w.wa.sent.some((s) => s.chatId === GROUP && s.body === t('moderation.forwards.on')));
    const forwarded = w.wa.receiveGroupMessage(GROUP, MEMBER, 'share with everyone!!', { forwardingScore: 7 });
    const fewTimes = w.wa.receiveGroupMessage(GROUP, MEMBER, 'from my cousin', { forwardingScore: 1 });
    const byAdmin = w.wa.receiveGroupMessage(GROUP, ADMIN, 'official notice', { forwardingScore: 9 });
    await w.bot.waitFor(() => w.wa.sent.some((s) => s.body === t('moderation.forward_note')));
    await w.bot.settle();
    const notes = w.wa.sent.filter((s) => s.body === t('moderation.forward_note'));
    expect(notes.map((s) => s.quotedMessageId)).toEqual([forwarded.id._serialized]);
    expect([fewTimes.id._serialized, byAdmin.id._serialized]).not.toContain(notes[0]!.quotedMessageId);
  });
});

describe('Telegram', { timeout: 120_000 }, () => {
  it('a report in the group has inline buttons that only a moderator can use; /mute restricts and /unmute lifts; a forward from a channel gets a note', async () => {
    const w = (world = await World.create());
    const tg = w.telegram;
    tg.setMember(LILAS.id, tg.bot, 'administrator', { can_restrict_members: true, can_delete_messages: true });
    tg.setMember(LILAS.id, CAROL, 'member');
    tg.setMember(LILAS.id, DAN, 'administrator', { can_change_info: true });
    const group = () => tg.sent.filter((s) => s.chatId === LILAS.id);

    // Carol reports Bob's message; nobody has a log or used the bot as moderator yet: the group gets it, without Carol.
    const { message: bad } = await tg.userMessage({ chat: LILAS, from: BOB, text: 'send me your bank details' });
    await tg.userMessage({ chat: LILAS, from: CAROL, text: '/report scam', replyTo: bad.message_id });
    await w.bot.waitFor(() => group().some((s) => s.text.includes('send me your bank details')));
    const report = group().find((s) => s.text.includes('send me your bank details'))!;
    expect(report.text).not.toContain('Carol');
    expect(JSON.stringify(report.params.reply_markup)).toContain('mod:delete:1');
    await w.bot.waitFor(() => tg.deletions.length > 0); // Carol's /report line leaves the group.

    await tg.pressButton({ chatId: LILAS.id, from: BOB, messageId: report.messageId, data: 'mod:delete:1' });
    await w.bot.waitFor(() => group().some((s) => s.text === t('errors.needs_moderator', { command: '/report' })));
    expect(tg.deletions.some((d) => d.messageId === bad.message_id)).toBe(false);
    await tg.pressButton({ chatId: LILAS.id, from: ALICE, messageId: report.messageId, data: 'mod:delete:1' });
    await w.bot.waitFor(() => tg.deletions.some((d) => d.chatId === LILAS.id && d.messageId === bad.message_id));

    // Bob cannot /mute; Alice (a moderator) mutes him by reply: Telegram restricts him until the end.
    const { message: again } = await tg.userMessage({ chat: LILAS, from: BOB, text: 'hello' });
    await tg.userMessage({ chat: LILAS, from: BOB, text: '/mute 1h', replyTo: bad.message_id - 1 });
    await w.bot.waitFor(() => group().some((s) => s.text === t('errors.needs_moderator', { command: '/mute' })));
    await tg.userMessage({ chat: LILAS, from: ALICE, text: '/mute 2h', replyTo: again.message_id });
    await w.bot.waitFor(() => tg.memberStatus(LILAS.id, BOB.id)?.status === 'restricted');
    await expect(tg.userMessage({ chat: LILAS, from: BOB, text: 'let me talk' })).rejects.toBeInstanceOf(PostRefused);
    await tg.userMessage({ chat: LILAS, from: ALICE, text: '/unmute', replyTo: again.message_id });
    await w.bot.waitFor(() => tg.memberStatus(LILAS.id, BOB.id)?.status === 'member');
    await tg.userMessage({ chat: LILAS, from: BOB, text: 'thanks' });

    // A forward from a channel outside the community gets the note, once; Alice's does not.
    await tg.userMessage({ chat: LILAS, from: DAN, text: '/forwards note on' });
    await w.bot.waitFor(() => group().some((s) => s.text === t('moderation.forwards.on')));
    const forward = async (from: typeof BOB, text: string) => {
      const { message } = await tg.userMessage({ chat: LILAS, from, text });
      const origin = { type: 'channel', chat: { id: -1009999, type: 'channel', title: 'Rumours' }, message_id: 7, date: message.date };
      // The stand-in has no forward option: its message comes back under a fresh id with Telegram's forward_origin.
      return { ...message, forward_origin: origin } as unknown as TelegramMessage;
    };
    const fromBob = await forward(BOB, 'they are closing the school');
    await tg.pushUpdate({ message: { ...fromBob, message_id: fromBob.message_id + 1000 } } as never);
    const fromAlice = await forward(ALICE, 'official: the school stays open');
    await tg.pushUpdate({ message: { ...fromAlice, message_id: fromAlice.message_id + 1000 } } as never);
    await w.bot.waitFor(() => group().some((s) => s.text === t('moderation.forward_note')));
    await w.bot.settle();
    const notes = group().filter((s) => s.text === t('moderation.forward_note'));
    expect(notes).toHaveLength(1);

    // Alice used the bot as a moderator: the next report is for her privately. She never started the bot, so Telegram
    // refuses; the report comes into the group after all, without the reporter's name.
    const { message: second } = await tg.userMessage({ chat: LILAS, from: BOB, text: 'second offence' });
    await tg.userMessage({ chat: LILAS, from: CAROL, text: '/report', replyTo: second.message_id });
    await w.bot.waitFor(() => group().some((s) => s.text.includes('second offence') && JSON.stringify(s.params.reply_markup).includes('mod:delete:2')));
    expect(group().find((s) => s.text.includes('second offence'))!.text).not.toContain('Carol');
    // Once she has started it, reports reach her privately, with who reported.
    tg.addChat({ id: ALICE.id, type: 'private' });
    const { message: third } = await tg.userMessage({ chat: LILAS, from: BOB, text: 'third offence' });
    await tg.userMessage({ chat: LILAS, from: CAROL, text: '/report', replyTo: third.message_id });
    await w.bot.waitFor(() => tg.sent.some((s) => s.chatId === ALICE.id && s.text.includes('third offence')));
    const privateReport = tg.sent.find((s) => s.chatId === ALICE.id && s.text.includes('third offence'))!;
    expect(privateReport.text).toContain(t('moderation.report.reporter', { name: 'Carol' }));
    expect(group().some((s) => s.text.includes('third offence'))).toBe(false);
    await tg.pressButton({ chatId: ALICE.id, from: ALICE, messageId: privateReport.messageId, data: 'mod:delete:3' });
    await w.bot.waitFor(() => tg.deletions.some((d) => d.chatId === LILAS.id && d.messageId === third.message_id));
  });
});

describe('Discord', { timeout: 120_000 }, () => {
  it('a moderator mutes a member with a timeout by reply and lifts it by mention; a member cannot', async () => {
    const w = (world = await World.create());
    const { moderator, member } = w.discord.world.users;
    w.discord.grantBot(P.MODERATE_MEMBERS);
    const said = w.discord.userMessage(w.general, member, 'spam spam spam');
    const reply = (user: typeof member, content: string) =>
      w.discord.userMessage(w.general, user, content, { type: 19, message_reference: { message_id: said.id, channel_id: w.general, guild_id: said.guild_id }, referenced_message: said });
    reply(member, '!mute 10m');
    await w.bot.waitFor(() => w.discord.botMessages().some((m) => m.content === t('errors.needs_moderator', { command: '/mute' })));
    expect(w.discord.world.timedOut(member.id)).toBe(false);
    reply(moderator, '!mute 10m');
    await w.bot.waitFor(() => w.discord.world.timedOut(member.id));
    expect(() => w.discord.userMessage(w.general, member, 'hello?')).toThrow(/timed out/);
    w.discord.userMessage(w.general, moderator, `!unmute <@${member.id}>`);
    await w.bot.waitFor(() => !w.discord.world.timedOut(member.id));
    w.discord.userMessage(w.general, member, 'sorry');
  });

  it('a report by reply arrives with buttons; a member’s press is refused and a moderator’s deletes the message', async () => {
    const w = (world = await World.create());
    const { moderator, member, admin } = w.discord.world.users;
    w.discord.grantBot(P.MANAGE_MESSAGES);
    const said = w.discord.userMessage(w.general, member, 'click this totally safe link');
    w.discord.userMessage(w.general, admin, '!report phishing', { type: 19, message_reference: { message_id: said.id, channel_id: w.general, guild_id: said.guild_id }, referenced_message: said });
    const report = () => w.discord.botMessages().find((m) => !m.deleted && m.content.includes('click this totally safe link'));
    await w.bot.waitFor(() => report() !== undefined);
    expect(report()!.content).not.toContain('adam');
    expect(JSON.stringify(report()!.components)).toContain('mod:dismiss:1');
    // The reporter is thanked in a DM.
    await w.bot.waitFor(() => w.discord.dmsTo(admin.id).some((m) => m.content === t('moderation.report.thanks')));
    w.discord.pressButton(report()!.id, member, 'mod:delete:1');
    await w.bot.waitFor(() => w.discord.botMessages().some((m) => m.content === t('errors.needs_moderator', { command: '/report' })));
    expect(w.discord.messagesIn(w.general).some((m) => m.id === said.id)).toBe(true);
    w.discord.pressButton(report()!.id, moderator, 'mod:delete:1');
    await w.bot.waitFor(() => !w.discord.messagesIn(w.general).some((m) => m.id === said.id));

    // "Report to moderators" in a message's Apps menu does the same; the thank-you is ephemeral.
    expect(w.discord.world.commands.find((c) => c.type === 3)).toMatchObject({ name: 'Report to moderators', description: '' });
    const other = w.discord.userMessage(w.general, moderator, 'an odd message');
    w.discord.messageCommand(other.id, member, 'Report to moderators');
    await w.bot.waitFor(() => w.discord.botMessages().some((m) => !m.deleted && m.content.includes('an odd message') && JSON.stringify(m.components).includes('mod:delete:2')));
    await w.bot.waitFor(() => w.discord.botMessages().some((m) => m.ephemeral && m.content === t('moderation.report.thanks')));
  });
});
