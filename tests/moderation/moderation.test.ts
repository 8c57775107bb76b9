// Moderation on the console adapter (which records every outbound action, member actions included): reports with
// their buttons, the log chat, mutes, the flood limit's mute and the note under forwarded rumours — and the attacks:
// a member muting or pressing moderation buttons, a button pressed in another chat, /log in a private chat, a log
// code used by a member, one member reporting thrice, the reporter's name reaching the log, /forgetme.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { moderationMutes, moderationReports, moderationReportVotes } from '../../src/db/schema/index.js';
import { translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { pgliteDatabase } from '../helpers/storage.js';
import { TestClock } from '../quiet-and-flood/support.js';
import { deliveredTo, say } from './support.js';

const t = (key: string, params?: Record<string, unknown>) => translate('en', key, params, { timeZone: 'Europe/Paris' });

let bot: TestBot | undefined;
let closeDb: (() => Promise<void>) | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await closeDb?.();
  closeDb = undefined;
});

async function start(): Promise<TestBot> {
  bot = await startTestApp();
  return bot;
}

/** A message by `from` in `chat` that others can reply to. */
async function post(b: TestBot, chat: string, from: string, text: string) {
  const { envelope } = await say(b, { chat, from, text });
  return { messageId: envelope.messageId!, from, text };
}

/** Links `logKey` as the log chat of `groupKey` (admins in both) and returns nothing once it is done. */
async function linkLog(b: TestBot, groupKey: string, logKey: string): Promise<void> {
  b.console.setRole(groupKey, 'ada', 'admin');
  b.console.setRole(logKey, 'ada', 'admin');
  const before = b.privateTo('ada').length;
  await b.chat(groupKey, 'ada', 'Ada').send('/log link');
  const code = await b.privateMatch('ada', /\/log ([A-Z0-9-]+)/, before);
  const replies = await b.chat(logKey, 'ada', 'Ada').send(`/log ${code}`);
  expect(replies.map((r) => r.text)).toContain(t('moderation.log.linked', { group: groupKey }));
}

describe('/report', { timeout: 60_000 }, () => {
  it('thanks the reporter privately; with no log and no moderator known, posts in the group without the reporter’s name; buttons ask the platform for roles', async () => {
    const b = await start();
    const target = await post(b, 'g1', 'troll', 'buy my pills');
    const { envelope } = await say(b, { chat: 'g1', from: 'rita', text: '/report spam', replyTo: target });
    await b.settle();
    expect(b.privateTo('rita').map((r) => r.text)).toEqual([t('moderation.report.thanks')]);
    const report = deliveredTo(b, 'g1').find((m) => m.buttons)!;
    expect(report.text).toContain('buy my pills');
    expect(report.text).toContain('spam');
    expect(report.text).not.toContain('Rita');
    expect(report.buttons!.map((button) => button.data)).toEqual(['mod:delete:1', 'mod:mute:1', 'mod:dismiss:1']);
    // The /report line itself leaves the group.
    expect(deliveredTo(b, 'g1').some((m) => m.action === 'delete' && m.editOf?.[0] === envelope.messageId)).toBe(true);

    // A member pressing "delete" is refused, and nothing is deleted.
    const pressed = await say(b, { chat: 'g1', from: 'sam', button: 'mod:delete:1' });
    expect(pressed.replies.map((r) => r.text)).toEqual([t('errors.needs_moderator', { command: '/report' })]);
    expect(deliveredTo(b, 'g1').some((m) => m.action === 'delete' && m.editOf?.[0] === target.messageId)).toBe(false);

    // A moderator's press deletes the reported message; a second press is told it was decided.
    b.console.setRole('g1', 'mia', 'moderator');
    const done = await say(b, { chat: 'g1', from: 'mia', button: 'mod:delete:1' });
    expect(done.replies.map((r) => r.text)).toEqual([t('moderation.report.decided_delete', { id: 1, name: 'Mia' })]);
    expect(deliveredTo(b, 'g1').filter((m) => m.action === 'delete' && m.editOf?.[0] === target.messageId)).toHaveLength(1);
    const again = await say(b, { chat: 'g1', from: 'mia', button: 'mod:dismiss:1' });
    expect(again.replies.map((r) => r.text)).toEqual([t('moderation.report.already', { id: 1 })]);
  });

  it('goes privately to moderators seen using a moderator command, with the reporter’s name; their button works from the private chat only for a moderator', async () => {
    const b = await start();
    b.console.setRole('g1', 'mia', 'moderator');
    // A moderator's command makes her known as one (a member's command would not).
    await b.chat('g1', 'mia', 'Mia').send('/bridge link');
    const target = await post(b, 'g1', 'troll', 'nasty words');
    const { replies } = await say(b, { chat: 'g1', from: 'rita', text: '/report', replyTo: target });
    await b.settle();
    expect(replies.some((r) => r.message.target === 'console:g1' && r.message.buttons)).toBe(false);
    const dm = deliveredTo(b, '@mia').find((m) => m.buttons)!;
    expect(dm.text).toContain('nasty words');
    expect(dm.text).toContain(t('moderation.report.reporter', { name: 'Rita' }));

    // Someone else's private chat cannot press it; Mia's "mute" restricts the author for an hour.
    const stranger = await say(b, { chat: '@sam', from: 'sam', button: 'mod:mute:1' });
    expect(stranger.replies.map((r) => r.text)).toEqual([t('moderation.report.not_here')]);
    await say(b, { chat: '@mia', from: 'mia', button: 'mod:mute:1' });
    const restrict = deliveredTo(b, 'g1').find((m) => m.action === 'restrict')!;
    expect(restrict.member!.userId).toBe('console:troll');
    expect(restrict.member!.untilMs! - Date.now()).toBeGreaterThan(59 * 60_000);

    // Mia is no longer a moderator: her private chat's buttons stop working.
    const target2 = await post(b, 'g1', 'troll', 'more');
    await say(b, { chat: 'g1', from: 'rita', text: '/report', replyTo: target2 });
    await b.settle();
    b.console.setRole('g1', 'mia', 'member');
    const lost = await say(b, { chat: '@mia', from: 'mia', button: 'mod:delete:2' });
    expect(lost.replies.map((r) => r.text)).toEqual([t('errors.needs_moderator', { command: '/report' })]);

    // Mia forgets herself: no report names her private chat or her decision any more.
    const postedTo = async () => (await b.db.db.select().from(moderationReports).orderBy(moderationReports.id)).map((r) => [r.postedTo, r.decidedBy]);
    expect(await postedTo()).toEqual([
      [['person:console:mia'], 'console:mia'],
      [['person:console:mia'], null],
    ]);
    await b.app.services.people.forget('console:mia');
    expect(await postedTo()).toEqual([
      [[], null],
      [[], null],
    ]);
  });

  it('three different members within the hour remove the message until a moderator decides; one member thrice counts once; dismissing puts it back', async () => {
    const b = await start();
    const target = await post(b, 'g1', 'troll', 'rumour');
    for (let i = 0; i < 3; i++) await say(b, { chat: 'g1', from: 'rita', text: '/report', replyTo: target });
    await b.settle();
    const removed = () => deliveredTo(b, 'g1').filter((m) => m.action === 'delete' && m.editOf?.[0] === target.messageId);
    expect(removed()).toHaveLength(0);
    const votes = await b.db.db.select().from(moderationReportVotes);
    expect(votes).toHaveLength(1);

    await say(b, { chat: 'g1', from: 'sam', text: '/report', replyTo: target });
    await say(b, { chat: 'g1', from: 'tom', text: '/report', replyTo: target });
    await b.settle();
    expect(removed()).toHaveLength(1);
    expect(deliveredTo(b, 'g1').some((m) => m.text === t('moderation.report.hidden', { id: 1, count: 3 }))).toBe(true);
    // Only one report was posted for the three of them.
    expect(deliveredTo(b, 'g1').filter((m) => m.buttons?.[0]?.data === 'mod:delete:1')).toHaveLength(1);

    b.console.setRole('g1', 'mia', 'moderator');
    await say(b, { chat: 'g1', from: 'mia', button: 'mod:dismiss:1' });
    await b.settle();
    expect(deliveredTo(b, 'g1').some((m) => m.text === t('moderation.report.restored', { author: 'troll', text: 'rumour' }))).toBe(true);
  });

  it('asks for a reply when there is none', async () => {
    const b = await start();
    const replies = await b.chat('g1', 'rita', 'Rita').send('/report');
    expect(replies.map((r) => r.text)).toEqual([t('moderation.report.reply_needed')]);
  });

  it('/forgetme withdraws the person’s reports and blanks reports about their messages', async () => {
    const b = await start();
    const target = await post(b, 'g1', 'troll', 'rumour');
    await say(b, { chat: 'g1', from: 'rita', text: '/report', replyTo: target });
    const other = await post(b, 'g1', 'rita', 'my own words');
    await say(b, { chat: 'g1', from: 'sam', text: '/report', replyTo: other });
    await b.settle();
    expect(await b.db.db.select().from(moderationReports)).toHaveLength(2);
    await say(b, { chat: '@rita', from: 'rita', text: '/forgetme' });
    await b.settle();
    const reports = await b.db.db.select().from(moderationReports);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ authorId: null, authorName: null, text: null });
    expect(await b.db.db.select().from(moderationReportVotes).where(eq(moderationReportVotes.reporterId, 'console:rita'))).toEqual([]);
  });
});

describe('/log', { timeout: 60_000 }, () => {
  it('links another chat by a code given privately; a member cannot use it; the log receives settings changes and reports without the reporter’s name', async () => {
    const b = await start();
    b.console.setRole('g1', 'ada', 'admin');
    const before = b.privateTo('ada').length;
    const asked = await b.chat('g1', 'ada', 'Ada').send('/log link');
    const code = await b.privateMatch('ada', /\/log ([A-Z0-9-]+)/, before);
    // The code never appears in the group.
    expect(asked.some((r) => r.text.includes(code))).toBe(false);
    expect(deliveredTo(b, 'g1').some((m) => m.text.includes(code))).toBe(false);

    // A member who saw it anywhere cannot make their chat the log.
    const refused = await b.chat('spy', 'sam', 'Sam').send(`/log ${code}`);
    expect(refused.map((r) => r.text)).toEqual([t('errors.needs_admin', { command: '/log' })]);
    // The group itself cannot be its own log.
    const own = await b.chat('g1', 'ada', 'Ada').send(`/log ${code}`);
    expect(own.map((r) => r.text)).toEqual([t('moderation.log.same_chat')]);

    // The code was used up by that attempt: a fresh one links the log chat.
    await linkLog(b, 'g1', 'mods');
    await b.settle();
    expect(deliveredTo(b, 'g1').some((m) => m.text === t('moderation.log.linked_other', { name: 'Ada', chat: 'mods (console)' }))).toBe(true);

    // A settings change reaches the log.
    await b.chat('g1', 'ada', 'Ada').send('/flood 5 10');
    await b.settle();
    expect(deliveredTo(b, 'mods').some((m) => m.text.startsWith('[g1] ') && m.text.includes('flood'))).toBe(true);

    // A report goes to the log, never with the reporter's name, and not into the group.
    const target = await post(b, 'g1', 'troll', 'insult');
    await say(b, { chat: 'g1', from: 'rita', text: '/report rude', replyTo: target });
    await b.settle();
    const report = deliveredTo(b, 'mods').find((m) => m.buttons)!;
    expect(report.text).toContain('insult');
    expect(deliveredTo(b, 'mods').some((m) => m.text.includes('Rita'))).toBe(false);
    expect(deliveredTo(b, 'g1').some((m) => m.buttons)).toBe(false);

    // In the log chat, its moderators decide; a member there cannot; a press in another chat is refused.
    const member = await say(b, { chat: 'mods', from: 'sam', button: 'mod:mute:1' });
    expect(member.replies.map((r) => r.text)).toEqual([t('errors.needs_moderator', { command: '/report' })]);
    b.console.setRole('g2', 'zed', 'moderator');
    const elsewhere = await say(b, { chat: 'g2', from: 'zed', button: 'mod:mute:1' });
    expect(elsewhere.replies.map((r) => r.text)).toEqual([t('moderation.report.not_here')]);
    b.console.setRole('mods', 'lea', 'moderator');
    await say(b, { chat: 'mods', from: 'lea', button: 'mod:mute:1' });
    await b.settle();
    expect(deliveredTo(b, 'g1').find((m) => m.action === 'restrict')?.member?.userId).toBe('console:troll');

    // /log off stops it; the log chat hears so.
    await b.chat('g1', 'ada', 'Ada').send('/log off');
    await b.settle();
    expect(deliveredTo(b, 'mods').some((m) => m.text === t('moderation.log.unlinked', { group: 'g1', name: 'Ada' }))).toBe(true);
    const count = deliveredTo(b, 'mods').length;
    await b.chat('g1', 'ada', 'Ada').send('/flood off');
    await b.settle();
    expect(deliveredTo(b, 'mods')).toHaveLength(count);
  });

  it('receives deletions during quiet hours, at night too', async () => {
    bot = await startTestApp({ clock: TestClock.at('2026-01-15T23:30:00+01:00') });
    const b = bot;
    await linkLog(b, 'g1', 'mods');
    await b.chat('g1', 'ada', 'Ada').send('/quiet 22:00-07:00');
    await b.chat('g1', 'ada', 'Ada').send('/quiet mode delete');
    const late = await post(b, 'g1', 'owl', 'anyone awake?');
    await b.settle();
    expect(deliveredTo(b, 'g1').some((m) => m.action === 'delete' && m.editOf?.[0] === late.messageId)).toBe(true);
    expect(deliveredTo(b, 'mods').map((m) => m.text)).toContain(`[g1] ${t('moderation.event.quiet-delete', { name: 'Owl' })}`);
  });

  it('a private chat cannot /log', async () => {
    const b = await start();
    const { replies } = await say(b, { chat: '@ada', from: 'ada', text: '/log link' });
    expect(replies.map((r) => r.text)).toEqual([t('errors.group_only', { command: '/log' })]);
  });
});

describe('/mute and /unmute', { timeout: 60_000 }, () => {
  it('a member is refused; a moderator mutes by reply or mention, the platform restricts, their messages are deleted while it lasts; /unmute restores', async () => {
    const b = await start();
    const target = await post(b, 'g1', 'troll', 'hello');
    const refused = await say(b, { chat: 'g1', from: 'sam', text: '/mute 10m', replyTo: target });
    expect(refused.replies.map((r) => r.text)).toEqual([t('errors.needs_moderator', { command: '/mute' })]);
    expect(await b.db.db.select().from(moderationMutes)).toEqual([]);

    b.console.setRole('g1', 'mia', 'moderator');
    const muted = await say(b, { chat: 'g1', from: 'mia', text: '/mute 90', replyTo: target });
    await b.settle();
    const restrict = deliveredTo(b, 'g1').find((m) => m.action === 'restrict')!;
    expect(restrict.member!.userId).toBe('console:troll');
    const until = restrict.member!.untilMs!;
    expect(Math.abs(until - (Date.now() + 90 * 60_000))).toBeLessThan(60_000);
    expect(muted.replies[0]!.text).toBe(t('moderation.mute.done', { name: 'troll', until }));

    const during = await post(b, 'g1', 'troll', 'still here');
    await b.settle();
    expect(deliveredTo(b, 'g1').some((m) => m.action === 'delete' && m.editOf?.[0] === during.messageId)).toBe(true);

    // A moderator cannot be muted; a member cannot unmute.
    b.console.setRole('g1', 'max', 'moderator');
    const mod = await say(b, { chat: 'g1', from: 'mia', text: '/mute @max', mentions: ['max'] });
    expect(mod.replies.map((r) => r.text)).toEqual([t('moderation.mute.not_moderators', { name: 'max' })]);
    const memberUnmute = await say(b, { chat: 'g1', from: 'sam', text: '/unmute @troll', mentions: ['troll'] });
    expect(memberUnmute.replies.map((r) => r.text)).toEqual([t('errors.needs_moderator', { command: '/unmute' })]);

    const unmuted = await say(b, { chat: 'g1', from: 'mia', text: '/unmute @troll', mentions: ['troll'] });
    await b.settle();
    expect(unmuted.replies.map((r) => r.text)).toEqual([t('moderation.unmute.done', { name: 'troll' })]);
    expect(deliveredTo(b, 'g1').find((m) => m.action === 'unrestrict')?.member?.userId).toBe('console:troll');
    const after = await post(b, 'g1', 'troll', 'back');
    await b.settle();
    expect(deliveredTo(b, 'g1').some((m) => m.action === 'delete' && m.editOf?.[0] === after.messageId)).toBe(false);
  });

  it('a mute is kept in the database: it outlives a restart and ends by itself at its time', async () => {
    const clock = TestClock.at('2026-03-02T10:00:00Z');
    const db = await pgliteDatabase();
    closeDb = () => db.close();
    const first = await startTestApp({ clock, db });
    first.console.setRole('g1', 'mia', 'moderator');
    const target = await post(first, 'g1', 'troll', 'x');
    await say(first, { chat: 'g1', from: 'mia', text: '/mute 2h', replyTo: target });
    await first.settle();
    expect(deliveredTo(first, 'g1').find((m) => m.action === 'restrict')?.member?.untilMs).toBe(Date.parse('2026-03-02T12:00:00Z'));
    await first.stop();

    // A new process on the same database: the mute is still there.
    bot = await startTestApp({ clock, db });
    const during = await post(bot, 'g1', 'troll', 'after the restart');
    await bot.settle();
    expect(deliveredTo(bot, 'g1').some((m) => m.action === 'delete' && m.editOf?.[0] === during.messageId)).toBe(true);
    // Two hours later it has ended: nothing is deleted, and the sweep forgets it.
    clock.set('2026-03-02T12:00:01Z');
    const later = await post(bot, 'g1', 'troll', 'free again');
    await bot.settle();
    expect(deliveredTo(bot, 'g1').some((m) => m.action === 'delete' && m.editOf?.[0] === later.messageId)).toBe(false);
    expect(await bot.app.services.moderation.mutes.sweep()).toBe(1);
    expect(await bot.db.db.select().from(moderationMutes)).toEqual([]);
  });

  it('asks for whom when there is no reply or mention, and refuses a duration it cannot read', async () => {
    const b = await start();
    b.console.setRole('g1', 'mia', 'moderator');
    const none = await b.chat('g1', 'mia', 'Mia').send('/mute 10m');
    expect(none[0]!.text).toContain('/mute');
    const target = await post(b, 'g1', 'troll', 'x');
    const bad = await say(b, { chat: 'g1', from: 'mia', text: '/mute soon', replyTo: target });
    expect(bad.replies[0]!.text).toBe(none[0]!.text);
    expect(await b.db.db.select().from(moderationMutes)).toEqual([]);
  });

  it('the flood limit mutes instead of reminding when set with `mute`', async () => {
    const b = await start();
    b.console.setRole('g1', 'ada', 'admin');
    const set = await b.chat('g1', 'ada', 'Ada').send('/flood 2 60 mute 10m');
    expect(set.map((r) => r.text)).toEqual([t('flood.set_mute', { messages: 2, seconds: 60, minutes: 10 })]);
    const shown = await b.chat('g1', 'sam', 'Sam').send('/flood');
    expect(shown.map((r) => r.text)).toEqual([t('flood.show_mute', { messages: 2, seconds: 60, minutes: 10 })]);
    // Five messages: the third is one too many and mutes its author, so it and the two after it are deleted.
    const posts = [];
    for (let i = 0; i < 5; i++) posts.push(await post(b, 'g1', 'fast', `m${i}`));
    await b.settle();
    const deleted = deliveredTo(b, 'g1').filter((m) => m.action === 'delete').map((m) => m.editOf?.[0]);
    expect(deleted).toEqual(posts.slice(2).map((p) => p.messageId));
    const restrict = deliveredTo(b, 'g1').filter((m) => m.action === 'restrict');
    expect(restrict).toHaveLength(1);
    expect(restrict[0]!.member!.userId).toBe('console:fast');
    expect(deliveredTo(b, 'g1').some((m) => m.text === t('moderation.flood_muted', { name: 'Fast', minutes: 10 }))).toBe(true);
    expect(deliveredTo(b, 'g1').some((m) => m.text.startsWith('Fast, please slow down'))).toBe(false);
    // `mute` without a duration is a usage error.
    const usage = await b.chat('g1', 'ada', 'Ada').send('/flood 2 60 mute');
    expect(usage[0]!.text).toContain('/flood');
    expect(usage[0]!.text).not.toBe(set[0]!.text);
  });
});

describe('/forwards note', { timeout: 60_000 }, () => {
  it('adds one kind note under a rumour forwarded many times or from outside, never under a moderator’s, and only when on', async () => {
    const b = await start();
    const many = { manyTimes: true };
    const off = await say(b, { chat: 'g1', from: 'sam', text: 'big news', forward: many });
    expect(off.replies).toEqual([]);

    const member = await b.chat('g1', 'sam', 'Sam').send('/forwards note on');
    expect(member.map((r) => r.text)).toEqual([t('errors.needs_admin', { command: '/forwards' })]);
    b.console.setRole('g1', 'ada', 'admin');
    await b.chat('g1', 'ada', 'Ada').send('/forwards note on');

    const rumour = await say(b, { chat: 'g1', from: 'sam', text: 'big news', forward: many });
    expect(rumour.replies.map((r) => r.text)).toEqual([t('moderation.forward_note')]);
    expect(rumour.replies[0]!.message.urgent).toBe(false);
    const outside = await say(b, { chat: 'g1', from: 'sam', text: 'channel post', forward: { fromChat: 'console:some-channel' } });
    expect(outside.replies.map((r) => r.text)).toEqual([t('moderation.forward_note')]);
    const fromHere = await say(b, { chat: 'g1', from: 'sam', text: 'ours', forward: { fromChat: 'console:g1' } });
    expect(fromHere.replies).toEqual([]);
    b.console.setRole('g1', 'mia', 'moderator');
    const moderator = await say(b, { chat: 'g1', from: 'mia', text: 'big news', forward: many });
    expect(moderator.replies).toEqual([]);
    const plain = await say(b, { chat: 'g1', from: 'sam', text: 'hello' });
    expect(plain.replies).toEqual([]);
  });
});
