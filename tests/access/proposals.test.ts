// Proposals follow the community (issue 19, item 4): a member's alert proposal made in a community cannot be approved
// once the group has left it, or from another community the group has joined since; and no proposal can be approved
// after 24 hours (injected clock).
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { alertsIn, consoleCommunity } from '../alerts/helpers.js';

let bot: TestBot | undefined;
let now = Date.parse('2025-06-01T10:00:00Z');
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('proposals follow the community', { timeout: 90_000 }, () => {
  it('refuses /approve once the group has left the community, and in the community it joined next', async () => {
    now = Date.parse('2025-06-01T10:00:00Z');
    const b = (bot = await startTestApp({ clock: { now: () => now } }));
    await consoleCommunity(b, 'lilas', ['nord', 'gare']);
    const [proposed] = await b.chat('nord', 'max').send('/alert Free bikes at the town hall');
    expect(proposed!.text).toMatch(/proposal #1/);

    await b.chat('nord', 'ada').as('admin').send('/community leave');
    const mod = b.chat('nord', 'mo').as('moderator');
    const [refused] = await mod.send('/approve 1');
    expect(refused!.text).toBe(translate('en', 'alerts.proposal_other_community', { id: 1 }));

    // Nord joins another community: the old proposal is not theirs to send there either.
    await b.chat('ouest', 'ada').as('admin').send('/community create Ouest');
    const code = await b.privateMatch('ada', /\/community join (\S+)/, b.privateTo('ada').length - 1);
    await b.chat('nord', 'ada').send(`/community join ${code}`);
    const [again] = await mod.send('/approve 1');
    expect(again!.text).toBe(translate('en', 'alerts.proposal_other_community', { id: 1 }));

    await b.settle();
    for (const group of ['lilas', 'gare', 'ouest']) expect(alertsIn(b, group)).toEqual([]);
    expect((await b.app.services.alerts.find(1))!.status).toBe('rejected');
  });

  it('refuses /approve after the group left and joined the same community again', async () => {
    now = Date.parse('2025-06-01T10:00:00Z');
    const b = (bot = await startTestApp({ clock: { now: () => now } }));
    await consoleCommunity(b, 'lilas', ['nord', 'gare']);
    const [proposed] = await b.chat('nord', 'max').send('/alert Free bikes at the town hall');
    expect(proposed!.text).toMatch(/proposal #1/);
    const admin = b.chat('nord', 'ada').as('admin');
    await admin.send('/community leave');
    // A fresh code from the community's creator, and Nord is back in the same community.
    const creator = b.chat('lilas', 'zoe').as('admin');
    const sent = b.privateTo(creator.userKey).length;
    await creator.send('/community code');
    const code = await b.privateMatch(creator.userKey, /\/community join (\S+)/, sent);
    expect((await admin.send(`/community join ${code}`))[0]!.text).toMatch(/joined/);
    const [refused] = await b.chat('nord', 'mo').as('moderator').send('/approve 1');
    expect(refused!.text).toBe(translate('en', 'alerts.proposal_other_community', { id: 1 }));
    await b.settle();
    for (const group of ['lilas', 'gare']) expect(alertsIn(b, group)).toEqual([]);
  });

  it('refuses /approve after 24 hours; a rejection still closes it', async () => {
    now = Date.parse('2025-06-01T10:00:00Z');
    const b = (bot = await startTestApp({ clock: { now: () => now } }));
    await consoleCommunity(b, 'lilas', ['nord']);
    await b.chat('nord', 'max').send('/alert Street party tonight');
    now += 24 * 3600_000;
    const mod = b.chat('nord', 'mo').as('moderator');
    const [expired] = await mod.send('/approve 1');
    expect(expired!.text).toBe(translate('en', 'alerts.proposal_expired', { id: 1 }));
    const [rejected] = await mod.send('/reject 1');
    expect(rejected!.text).toMatch(/rejected/);
    await b.settle();
    expect(alertsIn(b, 'lilas')).toEqual([]);
  });
});
