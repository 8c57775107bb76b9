// An alert sent because moderators approved a member's proposal says so on every copy, in each target group's
// language, naming the approving group; a moderator's own alert carries no such line.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { alertsIn, consoleCommunity } from './helpers.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('approved alerts', { timeout: 60_000 }, () => {
  it('every copy of an approved proposal names the approving moderators; a direct alert does not', async () => {
    const b = (bot = await startTestApp());
    await consoleCommunity(b, 'lilas', ['nord', 'gare', 'port']);
    await b.chat('nord', 'ada').as('admin').send('/lang fr');
    await b.chat('port', 'ada').as('admin').send('/lang uk');

    const [proposed] = await b.chat('lilas', 'sam').send('/alert Street party on Saturday');
    expect(proposed!.text).toMatch(/proposal #1/);
    const mo = b.chat('lilas', 'mo').as('moderator');
    expect((await mo.send('/approve 1'))[0]!.text).toMatch(/Alert #1 sent to 3 groups/);
    await mo.send('/alert Water cut until 18:00');
    await b.waitFor(() => ['nord', 'gare', 'port'].every((g) => alertsIn(b, g).length === 2));

    const approvedCopy = (group: string) => alertsIn(b, group).find((t) => t.includes('Street party'))!;
    expect(approvedCopy('gare').endsWith('\n✅ Approved by the moderators of lilas.')).toBe(true);
    expect(approvedCopy('nord').endsWith('\n✅ Approuvée par les modérateurs de lilas.')).toBe(true);
    expect(approvedCopy('port').endsWith('\n✅ Схвалено модераторами lilas.')).toBe(true);
    for (const group of ['nord', 'gare', 'port']) {
      const direct = alertsIn(b, group).find((t) => t.includes('Water cut'))!;
      expect(direct).not.toMatch(/✅/);
    }
    expect(alertsIn(b, 'lilas')).toEqual([]);
  });
});
