// /faq end to end through the console (test) adapter, real Redis and PGlite: add, ask, list, translate, remove,
// community-shared entries, refusals, the answer language, "no answer" with suggestions.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communities, faqEntries, faqTranslations, groups } from '../../src/db/schema/index.js';
import { startTestApp, type TestBot, type TestChat } from '../helpers/app.js';

const BINS = 'When are the bins collected? | Bins go out on Tuesday evening; the lorry comes on Wednesday morning.';
const BINS_FR = 'Quand passe la collecte des poubelles ? | Les poubelles sortent le mardi soir ; le camion passe le mercredi matin.';
const PERMIT = 'How do I get a residents parking permit? | Apply at the town hall with proof of address.';
const PHARMACY = 'Where is the nearest pharmacy? | Pharmacie du Marché, 3 place du Marché.';

let bot: TestBot;
beforeEach(async () => {
  bot = await startTestApp();
});
afterEach(async () => {
  await bot.stop();
});

async function say(chat: TestChat, text: string): Promise<string[]> {
  return (await chat.send(text)).map((r) => r.text);
}

/** Says `text` with a platform language hint (Telegram's language_code), which TestChat.send does not give. */
async function sayWithLanguage(chat: TestChat, text: string, language: string): Promise<string[]> {
  const envelope = await bot.console.say({ group: chat.group, userKey: chat.userKey, userName: chat.userName, text, language });
  return (await bot.outcomeOf(envelope)).map((r) => r.text);
}

describe('/faq add and ask', () => {
  it('adds an entry (the reply carries its id), lists it and answers a paraphrase', async () => {
    const mod = bot.chat('g1', 'mo').as('moderator');
    expect(await say(mod, `/faq add ${BINS}`)).toEqual([expect.stringMatching(/^Added as #1\./)]);
    expect(await say(mod, `/faq add ${PERMIT}`)).toEqual([expect.stringMatching(/^Added as #2\./)]);

    const member = bot.chat('g1', 'sam');
    const [list] = await say(member, '/faq');
    expect(list).toContain('#1 When are the bins collected?');
    expect(list).toContain('#2 How do I get a residents parking permit?');

    const [answer] = await say(member, '/faq when do they collect the bins');
    expect(answer).toBe('When are the bins collected?\nBins go out on Tuesday evening; the lorry comes on Wednesday morning.');
    const [byId] = await say(member, '/faq #2');
    expect(byId).toContain('Apply at the town hall');
  });

  it('refuses add to a member and stores nothing', async () => {
    const member = bot.chat('g1', 'sam');
    const [refusal] = await say(member, `/faq add ${BINS}`);
    expect(refusal).toMatch(/only the group's moderators and admins/);
    expect(await say(member, '/faq')).toEqual([expect.stringMatching(/no FAQ entries here yet/)]);
    expect(await bot.db.db.select().from(faqEntries)).toHaveLength(0);
  });

  it('answers add without a "|" with the usage line', async () => {
    const [usage] = await say(bot.chat('g1').as('moderator'), '/faq add When are the bins collected?');
    expect(usage).toBe('Usage: /faq add <question | answer>');
  });

  it('says there is no answer below the threshold and lists the closest topics, never an unrelated answer', async () => {
    const mod = bot.chat('g1', 'mo').as('moderator');
    for (const entry of [BINS, PERMIT, PHARMACY]) await say(mod, `/faq add ${entry}`);
    const [reply] = await say(bot.chat('g1', 'sam'), '/faq where can I park my boat?');
    expect(reply).toBe(
      'Did you mean one of these? Tap a topic, or type its command:\n/faq 2 · How do I get a residents parking permit?',
    );
    const [nothing] = await say(bot.chat('g1', 'sam'), '/faq is there a choir for children?');
    expect(nothing).toMatch(/^I have no answer to that yet. Type \/faq/);
  });
});

describe('/faq translate and the answer language', () => {
  beforeEach(async () => {
    const mod = bot.chat('g1', 'mo').as('moderator');
    await say(mod, `/faq add ${BINS}`);
    expect(await say(mod, `/faq translate 1 fr ${BINS_FR}`)).toEqual(['FAQ entry #1 now has a version in fr.']);
  });

  it('answers a French asker (platform hint fr) in French, even when the question is in English', async () => {
    const member = bot.chat('g1', 'amelie');
    const [answer] = await sayWithLanguage(member, '/faq When are the bins collected?', 'fr-FR');
    expect(answer).toContain('Les poubelles sortent le mardi soir');
    const [english] = await say(member, '/faq When are the bins collected?');
    expect(english).toContain('Bins go out on Tuesday evening');
  });

  it('answers a question written in French in French when the platform gives no hint', async () => {
    const [answer] = await say(bot.chat('g1', 'amelie'), '/faq Quand passe la collecte des poubelles ?');
    expect(answer).toContain('Les poubelles sortent le mardi soir');
  });

  it('falls back to the entry’s own language when the asker’s is missing', async () => {
    const [answer] = await sayWithLanguage(bot.chat('g1', 'olek'), '/faq When are the bins collected?', 'uk');
    expect(answer).toContain('Bins go out on Tuesday evening');
  });

  it('lists topics in the asker’s language and replaces a translation given twice', async () => {
    const mod = bot.chat('g1', 'mo').as('moderator');
    await say(mod, '/faq translate #1 FR Quand sortir les poubelles ? | Le mardi soir.');
    const [list] = await sayWithLanguage(bot.chat('g1', 'amelie'), '/faq', 'fr');
    expect(list).toContain('#1 Quand sortir les poubelles ?');
    expect(list).not.toContain('collecte');
  });

  it('refuses a bad language code and an unknown entry', async () => {
    const mod = bot.chat('g1', 'mo').as('moderator');
    expect(await say(mod, `/faq translate 1 french ${BINS_FR}`)).toEqual(['Usage: /faq translate <id> <code> <question | answer>']);
    expect(await say(mod, `/faq translate 9 fr ${BINS_FR}`)).toEqual([expect.stringMatching(/no FAQ entry #9 here/)]);
  });
});

describe('/faq remove', () => {
  it('removes an entry for a moderator only; its translations go with it', async () => {
    const mod = bot.chat('g1', 'mo').as('moderator');
    await say(mod, `/faq add ${BINS}`);
    await say(mod, `/faq translate 1 fr ${BINS_FR}`);
    expect(await say(bot.chat('g1', 'sam'), '/faq remove 1')).toEqual([expect.stringMatching(/only the group's moderators/)]);
    expect(await say(mod, '/faq remove #1')).toEqual(['FAQ entry #1 is removed.']);
    expect(await say(mod, '/faq remove 1')).toEqual([expect.stringMatching(/no FAQ entry #1 here/)]);
    expect((await say(bot.chat('g1', 'sam'), '/faq When are the bins collected?'))[0]).toMatch(/no answer/);
    expect((await say(bot.chat('g1', 'sam'), '/faq Quand passe la collecte des poubelles ?'))[0]).toMatch(/no answer/);
  });

  it('cannot remove another group’s entry', async () => {
    await say(bot.chat('g1', 'mo').as('moderator'), `/faq add ${BINS}`);
    expect(await say(bot.chat('g2', 'mo').as('moderator'), '/faq remove 1')).toEqual([expect.stringMatching(/no FAQ entry #1 here/)]);
    expect((await say(bot.chat('g1', 'sam'), '/faq bins?'))[0]).toContain('Bins go out');
  });
});

describe('community-shared entries', () => {
  it('shares an entry added in a community group with the other groups of the community, and no one else', async () => {
    // Every group exists once it has spoken; then two of them join one community (as /community join would).
    for (const key of ['a', 'b', 'c']) await say(bot.chat(key, 'sam'), '/faq');
    const [community] = await bot.db.db.insert(communities).values({ name: 'Quartier des Lilas' }).returning();
    for (const key of ['a', 'b']) {
      await bot.db.db.update(groups).set({ communityId: community!.id }).where(eq(groups.id, `console:${key}`));
      // Written behind the repository's back, so its short-lived cache is told, as /community join does.
      bot.app.services.groups.forgetCached(`console:${key}`);
    }

    // A private entry of c, and b's index is built (empty of bins) before a adds the shared entry.
    await say(bot.chat('c', 'mo').as('moderator'), `/faq add ${PHARMACY}`);
    expect((await say(bot.chat('b', 'sam'), '/faq bins?'))[0]).toMatch(/no answer/);

    const [added] = await say(bot.chat('a', 'mo').as('moderator'), `/faq add ${BINS}`);
    expect(added).toMatch(/^Added as #2, shared with every group of the community/);
    expect((await say(bot.chat('b', 'sam'), '/faq bins?'))[0]).toContain('Bins go out on Tuesday evening');
    expect((await say(bot.chat('c', 'sam'), '/faq bins?'))[0]).toMatch(/no answer/);
    expect((await say(bot.chat('a', 'sam'), '/faq where is the nearest pharmacy?'))[0]).toMatch(/no answer/);

    // A moderator of b may translate and remove the shared entry; a sees both changes.
    await say(bot.chat('b', 'mo').as('moderator'), `/faq translate 2 fr ${BINS_FR}`);
    expect((await sayWithLanguage(bot.chat('a', 'amelie'), '/faq bins?', 'fr'))[0]).toContain('Les poubelles');
    await say(bot.chat('b', 'mo').as('moderator'), '/faq remove 2');
    expect((await say(bot.chat('a', 'sam'), '/faq bins?'))[0]).toMatch(/no answer/);
  });
});

describe('/forgetme', () => {
  it('keeps the entries but forgets who wrote them', async () => {
    const mod = bot.chat('g1', 'mo').as('moderator');
    await say(mod, `/faq add ${BINS}`);
    await say(mod, `/faq translate 1 fr ${BINS_FR}`);
    // The entry and its two translations lose their author; their name and what Redis held of them go too.
    expect((await say(mod, '/forgetme'))[0]).toMatch(/erased \d+ records/);
    const [entry] = await bot.db.db.select().from(faqEntries);
    expect(entry!.authorId).toBeNull();
    expect((await bot.db.db.select().from(faqTranslations)).map((t) => t.authorId)).toEqual([null, null]);
    expect((await say(bot.chat('g1', 'sam'), '/faq bins?'))[0]).toContain('Bins go out');
  });
});
