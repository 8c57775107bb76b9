// Help requests end to end through the console adapter (real Redis, PGlite, pipeline, delivery workers): numbering,
// listing and tags, the spam guard, who may close, moderators' removal, and the expiry sweep driven by an injected
// clock. The console has no private chats, so the author is always told by a mention in the origin group.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestBot } from '../helpers/app.js';

const HOUR = 3600_000;
let bot: TestBot | undefined;
let now = Date.UTC(2026, 2, 10, 12, 0);

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function start(help = {}) {
  now = Date.UTC(2026, 2, 10, 12, 0);
  bot = await startTestApp({ clock: { now: () => now }, help: { sweepIntervalMs: 0, ...help } });
  return bot;
}

/** Everything the bot sent to a console group whose text matches. */
function sentTo(b: TestBot, group: string, pattern: RegExp) {
  return b.console.delivered.filter((d) => d.group === group && pattern.test(d.message.text)).map((d) => d.message);
}

describe('/need and /requests', () => {
  it('posts a request with its number and lists open requests, filtered by tag', async () => {
    const b = await start();
    const alice = b.chat('lilas', 'alice', 'Alice');
    await alice.send('/need a plumber for a leaking tap #plumber');
    await b.waitFor(() => sentTo(b, 'lilas', /#1\b/).length === 1);
    const [post] = sentTo(b, 'lilas', /#1\b/);
    expect(post!.text).toContain('a plumber for a leaking tap');
    expect(post!.buttons).toEqual([{ label: 'I can help', data: expect.stringMatching(/^help:offer:\d+$/) }]);
    expect(post!.urgent).toBe(true); // the answer to the author is never held

    await b.chat('lilas', 'sam', 'Sam').send('/need urgent someone saw a grey cat? #lost #cat');
    await b.waitFor(() => sentTo(b, 'lilas', /#2\b/).length === 1);
    expect(sentTo(b, 'lilas', /#2\b/)[0]!.text).toMatch(/URGENT/);

    const [all] = await alice.send('/requests');
    expect(all!.text).toMatch(/^2 open requests:/);
    expect(all!.text).toContain('#1 a plumber');
    expect(all!.text).toContain('#2 🚨 someone saw a grey cat');
    const [lost] = await alice.send('/requests #lost');
    expect(lost!.text).toMatch(/1 open request tagged #lost/);
    expect(lost!.text).toContain('#2');
    expect(lost!.text).not.toContain('#1 ');
    const [none] = await alice.send('/requests childcare');
    expect(none!.text).toBe('No open requests tagged #childcare.');
  });

  it('answers a request with no text, or a bad number, with the usage line', async () => {
    const b = await start();
    const alice = b.chat('lilas', 'alice', 'Alice');
    expect((await alice.send('/need urgent'))[0]!.text).toBe('Usage: /need <text>');
    expect((await alice.send('/offer twelve'))[0]!.text).toBe('Usage: /offer <id>');
    expect((await alice.send('/offer #7'))[0]!.text).toMatch(/no request #7 here/);
  });

  it('limits open requests per member; closing one frees a place', async () => {
    const b = await start({ maxOpenPerMember: 2 });
    const alice = b.chat('lilas', 'alice', 'Alice');
    await alice.send('/need a ladder');
    await alice.send('/need a drill');
    const [refused] = await alice.send('/need a third thing');
    expect(refused!.text).toMatch(/already have 2 open requests/);
    expect(refused!.message.ephemeral).toBe(true);
    await alice.send('/done 1');
    await alice.send('/need a third thing');
    const [list] = await alice.send('/requests');
    expect(list!.text).toContain('#3 a third thing');
    expect(list!.text).not.toContain('a ladder');
  });
});

describe('closing', () => {
  it('refuses /done to a stranger, accepts it from the author, and edits the posted copy', async () => {
    const b = await start();
    const alice = b.chat('lilas', 'alice', 'Alice');
    await alice.send('/need jump leads #car');
    await b.waitFor(() => sentTo(b, 'lilas', /Help wanted #1/).length === 1);

    const [refused] = await b.chat('lilas', 'sam', 'Sam').send('/done 1');
    expect(refused!.text).toBe('Only the person who asked, or a moderator, can close #1.');
    expect((await b.app.services.help.requests.byNumber('group:console:lilas', 1))!.status).toBe('open');

    const [closed] = await alice.send('/done #1');
    expect(closed!.text).toMatch(/#1 is closed everywhere/);
    await b.waitFor(() => b.console.delivered.some((d) => d.message.action === 'edit'));
    const edit = b.console.delivered.find((d) => d.message.action === 'edit')!.message;
    expect(edit.text).toMatch(/#1 is solved/);
    expect(edit.editOf).toEqual([expect.stringMatching(/^console:bot-/)]);
    expect((await alice.send('/done 1'))[0]!.text).toBe('Request #1 is already closed.');
    const request = (await b.app.services.help.requests.byNumber('group:console:lilas', 1))!;
    expect((await b.app.services.help.requests.history(request.id)).map((e) => [e.action, e.actorId])).toEqual([
      ['posted', 'console:alice'],
      ['done', 'console:alice'],
    ]);
  });

  it('lets a moderator remove anyone’s request; the copy no longer shows its text', async () => {
    const b = await start();
    await b.chat('lilas', 'spammer', 'Spammer').send('/need buy my crypto course');
    const [refused] = await b.chat('lilas', 'sam', 'Sam').send('/cancel 1');
    expect(refused!.text).toMatch(/Only the person who asked can withdraw #1/);
    const [removed] = await b.chat('lilas', 'mona', 'Mona').as('moderator').send('/cancel 1');
    expect(removed!.text).toBe('Request #1 is removed from every group.');
    await b.waitFor(() => b.console.delivered.some((d) => d.message.action === 'edit'));
    const edit = b.console.delivered.find((d) => d.message.action === 'edit')!.message;
    expect(edit.text).toBe('Request #1 was removed by a moderator.');
    const request = (await b.app.services.help.requests.byNumber('group:console:lilas', 1))!;
    expect(request.status).toBe('cancelled');
    expect((await b.app.services.help.requests.history(request.id)).at(-1)).toMatchObject({ action: 'removed', actorId: 'console:mona' });
  });
});

describe('expiry', () => {
  it('reminds the author once before expiry, then expires the request everywhere (injected clock)', async () => {
    const b = await start({ expiryMs: 72 * HOUR, reminderBeforeMs: 24 * HOUR });
    await b.chat('lilas', 'alice', 'Alice').send('/need a babysitter on Friday #childcare');
    await b.waitFor(() => sentTo(b, 'lilas', /Help wanted #1/).length === 1);
    const help = b.app.services.help;

    now += 47 * HOUR;
    expect(await help.sweep()).toEqual({ reminded: 0, expired: 0 });
    now += 2 * HOUR; // 23 h before expiry
    expect(await help.sweep()).toEqual({ reminded: 1, expired: 0 });
    expect(await help.sweep()).toEqual({ reminded: 0, expired: 0 }); // one reminder only
    await b.waitFor(() => sentTo(b, 'lilas', /closes in/).length === 1);
    const [reminder] = sentTo(b, 'lilas', /closes in/);
    expect(reminder!.text).toBe('Alice, your request #1 closes in 23 hours. Solved? Type /done 1. No longer needed? /cancel 1.');
    expect(reminder!.mentions).toEqual([{ userId: 'console:alice', offset: 0, length: 5 }]);

    now += 23 * HOUR;
    expect(await help.sweep()).toEqual({ reminded: 0, expired: 1 });
    await b.waitFor(() => b.console.delivered.some((d) => d.message.action === 'edit'));
    expect(b.console.delivered.find((d) => d.message.action === 'edit')!.message.text).toMatch(/#1 has expired/);
    const [list] = await b.chat('lilas', 'sam').send('/requests');
    expect(list!.text).toBe('No open requests. Ask for help with /need <text>.');
  });

  it('never expires a request whose reminder was missed: the overdue one is reminded first', async () => {
    const b = await start({ expiryMs: 72 * HOUR, reminderBeforeMs: 24 * HOUR });
    await b.chat('lilas', 'alice', 'Alice').send('/need a van');
    now += 100 * HOUR; // the sweep did not run for days
    expect(await b.app.services.help.sweep()).toEqual({ reminded: 1, expired: 0 });
    now += 24 * HOUR;
    expect(await b.app.services.help.sweep()).toEqual({ reminded: 0, expired: 1 });
  });
});

describe('/forgetme', () => {
  it('removes the person’s offers and their requests', async () => {
    const b = await start();
    await b.chat('lilas', 'alice', 'Alice').send('/need a drill');
    await b.chat('lilas', 'sam', 'Sam').send('/offer 1');
    const sam = await b.chat('lilas', 'sam', 'Sam').send('/forgetme');
    expect(sam[0]!.text).toMatch(/erased [1-9]\d* record/);
    await b.chat('lilas', 'alice', 'Alice').send('/forgetme');
    expect(await b.app.services.help.requests.byNumber('group:console:lilas', 1)).toBeUndefined();
    const [list] = await b.chat('lilas', 'kim').send('/requests');
    expect(list!.text).not.toMatch(/Alice|Sam|1 offer/);
  });
});

describe('in French', () => {
  it('posts and answers in the group’s language', async () => {
    const b = await start();
    const admin = b.chat('lilas', 'ada', 'Ada').as('admin');
    await admin.send('/lang fr');
    await admin.send('/need une perceuse #bricolage');
    await b.waitFor(() => sentTo(b, 'lilas', /Demande d'aide #1/).length === 1);
    const [post] = sentTo(b, 'lilas', /Demande d'aide #1/);
    expect(post!.buttons![0]!.label).toBe('Je peux aider');
    const [own] = await admin.send('/offer 1');
    expect(own!.text).toBe('La demande #1 est la vôtre. Une fois résolue, tapez /done 1.');
  });
});
