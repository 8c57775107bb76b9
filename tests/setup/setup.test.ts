// The setup on the console platform (whole bot, real Redis and PGlite): the bot added to a group introduces itself
// once, with what is set, the commands that change it and the permissions it lacks as the platform tells them;
// /setup shows it again to admins only, never to a member or in a private chat.
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeConsoleLine } from '../../adapters/console/normalize.js';
import type { Envelope } from '../../src/core/envelope.js';
import { startTestApp, type TestBot } from '../helpers/app.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function added(b: TestBot, groupKey = 'g1'): Promise<Envelope> {
  const envelope = await b.console.join({ group: { key: groupKey, title: 'Rue des Lilas' }, userKey: 'quartier', userName: 'Quartier', self: true });
  await b.outcomeOf(envelope);
  await b.settle();
  return envelope;
}

const setups = (b: TestBot, groupKey = 'g1') => b.chat(groupKey).delivered.filter((r) => r.text.includes('/setrules'));

describe('setup when added', { timeout: 60_000 }, () => {
  it('introduces itself once, naming each setting with its command and the missing permissions', async () => {
    const b = (bot = await startTestApp());
    b.console.setMissingRights('g1', ['delete-messages', 'restrict-members']);
    await added(b);
    expect(setups(b)).toHaveLength(1);
    const text = setups(b)[0]!.text;
    expect(text).toContain('Rue des Lilas');
    for (const command of ['/lang', '/timezone', '/quiet', '/setrules', '/welcome', '/setup']) expect(text).toContain(command);
    expect(text).toContain('Delete messages');
    expect(text).toContain('Restrict members');
    expect(text).not.toContain('Manage Webhooks');

    // Removed and added again, or another report of the arrival: no second introduction.
    await added(b);
    expect(setups(b)).toHaveLength(1);
    // Nobody is welcomed: the bot is not a newcomer.
    await b.settle();
    expect(b.chat('g1').delivered.some((r) => /Welcome to/.test(r.text))).toBe(false);
  });

  it('says so when the platform cannot tell its rights, and when it has them all', async () => {
    const b = (bot = await startTestApp());
    await added(b, 'g1');
    expect(setups(b, 'g1')[0]!.text).toContain('cannot check my own permissions');
    b.console.setMissingRights('g2', []);
    await added(b, 'g2');
    expect(setups(b, 'g2')[0]!.text).toContain('every permission I need');
  });

  it('/setup shows it again to an admin, in the group’s language, with what is set', async () => {
    const b = (bot = await startTestApp());
    const admin = b.chat('g1', 'ada', 'Ada').as('admin');
    await admin.send('/setrules Be kind.');
    await admin.send('/lang fr');
    const [reply] = await admin.send('/setup');
    expect(reply!.text).toContain('/setrules');
    expect(reply!.text).toContain('Règles : écrites');
    expect(reply!.text).toContain('Langue : fr');
  });

  it('refuses a member and a private chat, and takes no words', async () => {
    const b = (bot = await startTestApp());
    const member = b.chat('g1', 'mo', 'Mo').as('member');
    const [refused] = await member.send('/setup');
    expect(refused!.text).not.toContain('/setrules');
    expect(refused!.text).toMatch(/admin/i);
    // A private chat, even of someone who is admin of the group.
    b.console.setRole('@ada', 'ada', 'admin');
    const line = normalizeConsoleLine({ seq: 1, run: 'private', groupKey: '@ada', groupTitle: 'Ada', userKey: 'ada', userName: 'Ada', text: '/setup', at: Date.now() });
    const envelope: Envelope = { ...line, chat: { id: 'console:@ada', type: 'private' } };
    await b.app.sink(envelope);
    const [privateReply] = await b.outcomeOf(envelope);
    expect(privateReply!.text).toMatch(/group/i);
    expect(privateReply!.text).not.toContain('/setrules');
    const [usage] = await b.chat('g1', 'ada', 'Ada').as('admin').send('/setup now');
    expect(usage!.text).not.toContain('/setrules');
    expect(usage!.text).toContain('/setup');
  });
});
