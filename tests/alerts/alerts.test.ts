// /alert, /approve, /reject and receipts through the console adapter (real Redis, PGlite, Outbox and delivery
// workers), with an injected clock and a stand-in hold policy for quiet hours.
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { PROPOSALS_PER_DAY } from '../../src/features/alerts/repository.js';
import { jobId } from '../../src/queue/names.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { alertsIn, consoleCommunity } from './helpers.js';

let bot: TestBot | undefined;
let now = Date.parse('2025-06-01T10:00:00Z');
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** Quiet hours in `quiet` groups: non-urgent messages there wait an hour (the rules engineer's policy is stood in). */
async function start(quiet: string[] = []) {
  now = Date.parse('2025-06-01T10:00:00Z');
  const holds: OutboundMessage[] = [];
  const b = await startTestApp({
    clock: { now: () => now },
    hold: async (message, at) => {
      if (!quiet.includes(message.target)) return undefined;
      holds.push(message);
      return at + 3600_000;
    },
  });
  bot = b;
  await consoleCommunity(b, 'lilas', ['nord', 'gare']);
  return { bot: b, holds };
}

describe('/alert by a moderator', () => {
  it('reaches every other group once, with a header naming the source, and not the source itself', async () => {
    const { bot: b } = await start();
    const [confirmation] = await b.chat('lilas', 'mo').as('moderator').send('/alert Water cut on rue des Lilas until 18:00');
    expect(confirmation!.text).toMatch(/Alert #1 sent to 2 groups/);
    await b.waitFor(() => alertsIn(b, 'nord').length === 1 && alertsIn(b, 'gare').length === 1);
    await b.settle();
    expect(alertsIn(b, 'nord')).toEqual(['📢 Alert from lilas (console):\nWater cut on rue des Lilas until 18:00']);
    expect(alertsIn(b, 'gare')).toHaveLength(1);
    expect(alertsIn(b, 'lilas')).toEqual([]);
    const [status] = await b.chat('lilas').send('/alert status #1');
    expect(status!.text).toBe('Alert #1, 2 groups: 2 delivered, 0 held for quiet hours, 0 on the way, 0 failed.');
  });

  it('writes the header in each TARGET group’s language', async () => {
    const { bot: b } = await start();
    await b.chat('nord', 'ada').send('/lang fr');
    await b.chat('lilas', 'mo').as('moderator').send('/alert Fête de rue samedi');
    await b.waitFor(() => alertsIn(b, 'nord').length === 1 && alertsIn(b, 'gare').length === 1);
    expect(alertsIn(b, 'nord')[0]).toBe('📢 Alerte de lilas (console) :\nFête de rue samedi');
    expect(alertsIn(b, 'gare')[0]).toMatch(/^📢 Alert from lilas/);
  });

  it('sends the same text once within ten minutes, then again after', async () => {
    const { bot: b } = await start();
    const mo = b.chat('lilas', 'mo').as('moderator');
    await mo.send('/alert Lost cat, black, answers to Mina');
    now += 9 * 60_000;
    const [dup] = await b.chat('gare', 'ada').send('/alert  lost cat, black,   answers to MINA ');
    expect(dup!.text).toMatch(/went out 9 minutes ago as #1; I did not send it again/);
    await b.settle();
    expect(alertsIn(b, 'nord')).toHaveLength(1);
    now += 2 * 60_000;
    const [again] = await mo.send('/alert Lost cat, black, answers to Mina');
    expect(again!.text).toMatch(/Alert #2 sent to 2 groups/);
    await b.waitFor(() => alertsIn(b, 'nord').length === 2);
  });

  it('answers in a group outside any community that there is nobody to alert', async () => {
    const { bot: b } = await start();
    const [reply] = await b.chat('elsewhere').as('moderator').send('/alert hello');
    expect(reply!.text).toMatch(/not in a community/);
  });
});

describe('proposals', () => {
  it('a member’s alert waits for a moderator; /approve sends it, /reject drops another', async () => {
    const { bot: b } = await start();
    const member = b.chat('lilas', 'sam');
    const [proposed] = await member.send('/alert Street party on Saturday');
    expect(proposed!.text).toMatch(/proposal #1.*\/approve 1/);
    const [rejectProposal] = await member.send('/alert Buy my bike');
    expect(rejectProposal!.text).toMatch(/proposal #2/);
    await b.settle();
    expect(alertsIn(b, 'nord')).toEqual([]);

    // A member cannot approve; a moderator of another group cannot approve this group's proposal.
    expect((await member.send('/approve 1'))[0]!.text).toMatch(/only the group's moderators/);
    expect((await b.chat('nord', 'mo').as('moderator').send('/approve 1'))[0]!.text).toMatch(/no alert #1 here/);
    expect((await b.chat('lilas', 'sam').send('/alert status 1'))[0]!.text).toMatch(/waiting for a moderator/);

    const mo = b.chat('lilas', 'mo').as('moderator');
    const [approved] = await mo.send('/approve #1');
    expect(approved!.text).toMatch(/Alert #1 sent to 2 groups/);
    const [rejected] = await mo.send('/reject 2');
    expect(rejected!.text).toMatch(/Proposal #2 is rejected/);
    expect((await mo.send('/approve 2'))[0]!.text).toMatch(/already rejected/);
    expect((await mo.send('/approve 1'))[0]!.text).toMatch(/already sent/);

    await b.waitFor(() => alertsIn(b, 'nord').length === 1 && alertsIn(b, 'gare').length === 1);
    await b.settle();
    expect(alertsIn(b, 'nord')).toEqual(['📢 Alert from lilas (console):\nStreet party on Saturday\n✅ Approved by the moderators of lilas.']);
    expect(alertsIn(b, 'lilas')).toEqual([]);
  });

  it(`limits a member to ${PROPOSALS_PER_DAY} proposals a day`, async () => {
    const { bot: b } = await start();
    const member = b.chat('lilas', 'sam');
    for (let i = 0; i < PROPOSALS_PER_DAY; i++) expect((await member.send(`/alert idea ${i}`))[0]!.text).toMatch(/proposal #/);
    expect((await member.send('/alert one more'))[0]!.text).toMatch(/as many alert proposals as allowed today/);
    // Someone else may still propose; the same member may again a day later.
    expect((await b.chat('lilas', 'tom').send('/alert mine'))[0]!.text).toMatch(/proposal #/);
    now += 24 * 3600_000 + 1;
    expect((await member.send('/alert tomorrow'))[0]!.text).toMatch(/proposal #/);
  });
});

describe('quiet hours', () => {
  it('holds a normal alert for a quiet group but delivers an urgent one; only admins may send urgent', async () => {
    const { bot: b, holds } = await start(['console:gare']);
    const refused = await b.chat('lilas', 'mo').as('moderator').send('/alert urgent Gas leak');
    expect(refused[0]!.text).toMatch(/only the group's admins/);

    await b.chat('lilas', 'ada').send('/alert Market moved to Sunday');
    await b.waitFor(() => alertsIn(b, 'nord').length === 1);
    const held = await b.app.queueOutbox.queue('console').getJob(jobId('alert:1', 'console:gare'));
    expect(await held!.isDelayed()).toBe(true);
    expect(held!.delay).toBeGreaterThanOrEqual(3600_000 - 1000);
    expect(holds.map((m) => m.target)).toEqual(['console:gare']);
    const [status] = await b.chat('lilas').send('/alert status 1');
    expect(status!.text).toMatch(/1 delivered, 1 held for quiet hours, 0 on the way, 0 failed/);

    await b.chat('lilas', 'ada').send('/alert urgent Gas leak, stay inside');
    await b.waitFor(() => alertsIn(b, 'gare').length === 1);
    expect(alertsIn(b, 'gare')[0]).toBe('🚨 URGENT alert from lilas (console):\nGas leak, stay inside');
    const urgentJob = await b.app.queueOutbox.queue('console').getJob(jobId('alert:2', 'console:gare'));
    expect(urgentJob!.data.message.urgent).toBe(true);
    expect(holds).toHaveLength(1); // the urgent one never asked the hold policy
  });
});
