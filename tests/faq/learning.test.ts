// The FAQ learns from "did you mean" picks, end to end through the console adapter (buttons and typed `/faq <id>`),
// real Redis and PGlite: a question becomes a phrasing of the picked entry once two members picked it (or one
// moderator), and is then answered directly. Attacks: a forged or expired token, a pick of an entry not offered,
// someone else pressing under another's question, the same member twice, a pick made in another group, an entry
// removed, /forgetme.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { communities, faqPicks, groups } from '../../src/db/schema/index.js';
import { startTestApp, type TestAppOptions, type TestBot, type TestChat } from '../helpers/app.js';

const BINS = 'When are the bins collected? | Bins go out on Tuesday evening.';
const PERMIT = 'How do I get a residents parking permit? | Apply at the town hall with proof of address.';
const PHARMACY = 'Where is the nearest pharmacy? | Pharmacie du Marché, 3 place du Marché.';
const PERMIT_ANSWER = 'How do I get a residents parking permit?\nApply at the town hall with proof of address.';
// Meets the parking permit entry on "park" only: /faq offers it, it does not answer.
const BOAT = '/faq where can I park my boat?';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function start(options: TestAppOptions = {}): Promise<TestBot> {
  bot = await startTestApp(options);
  return bot;
}

/** A group with the three entries (#1 bins, #2 permit, #3 pharmacy when it is the first group). */
async function seed(b: TestBot, group: string): Promise<void> {
  const mod = b.chat(group, 'mo').as('moderator');
  for (const entry of [BINS, PERMIT, PHARMACY]) await mod.send(`/faq add ${entry}`);
}

/** Asks `text` and returns the reply with its buttons' data (the offer), failing unless /faq offered choices. */
async function offered(chat: TestChat, text = BOAT): Promise<{ text: string; buttons: string[] }> {
  const [reply] = await chat.send(text);
  expect(reply!.text).toMatch(/^Did you mean/);
  return { text: reply!.text, buttons: (reply!.message.buttons ?? []).map((b) => b.data) };
}

async function press(b: TestBot, chat: TestChat, data: string): Promise<string[]> {
  const envelope = await b.console.press({ group: chat.group, userKey: chat.userKey, userName: chat.userName, data });
  return (await b.outcomeOf(envelope)).map((r) => r.text);
}

/** The button of entry `id` in an offer. */
function button(offer: { buttons: string[] }, id: number): string {
  const data = offer.buttons.find((d) => d.startsWith(`faq:show:${id}:`));
  expect(data).toMatch(/^faq:show:\d+:[A-Za-z0-9_-]{8}$/);
  return data!;
}

/** Whether /faq answers `text` with the permit entry straight away (no choices). */
async function answersPermit(chat: TestChat, text = BOAT): Promise<boolean> {
  const [reply] = await chat.send(text);
  return reply!.text === PERMIT_ANSWER;
}

/** Redis keys of FAQ offers whose name or value holds `personId`. */
async function offerTraces(b: TestBot, personId: string): Promise<string[]> {
  const { redis, prefix } = b.app.services;
  const keys = await redis.keys(`${prefix}:faq:offer*`);
  const found: string[] = [];
  for (const key of keys) {
    const value = (await redis.type(key)) === 'hash' ? JSON.stringify(await redis.hgetall(key)) : await redis.get(key);
    if (key.includes(personId) || value?.includes(personId)) found.push(key);
  }
  return found;
}

async function pickRows(b: TestBot) {
  return b.db.db.select().from(faqPicks);
}

describe('learning from picks', () => {
  it('learns a question once a second member picks the same entry by button; it is then answered directly', async () => {
    const b = await start();
    await seed(b, 'g1');
    const alice = b.chat('g1', 'alice');
    expect(await press(b, alice, button(await offered(alice), 2))).toEqual([PERMIT_ANSWER]);
    // One member is not enough.
    const bob = b.chat('g1', 'bob');
    const offer = await offered(bob);
    expect(await press(b, bob, button(offer, 2))).toEqual([PERMIT_ANSWER]);
    // Learned: the same question, and a close one, are answered for anyone.
    const carol = b.chat('g1', 'carol');
    expect(await answersPermit(carol)).toBe(true);
    expect(await answersPermit(carol, '/faq Where can I park my boat')).toBe(true);
    expect(await answersPermit(carol, '/faq where could i park a boat?')).toBe(true);
    // Other questions are not touched.
    expect((await carol.send('/faq is there a choir for children?'))[0]!.text).toMatch(/^I have no answer/);
    expect((await carol.send('/faq when are the bins collected'))[0]!.text).toContain('Tuesday evening');
  });

  it('learns from typed choices (WhatsApp): /faq <id> after one’s own question', async () => {
    const b = await start();
    await seed(b, 'g1');
    for (const who of ['alice', 'bob']) {
      const member = b.chat('g1', who);
      await offered(member);
      expect((await member.send('/faq 2')).map((r) => r.text)).toEqual([PERMIT_ANSWER]);
    }
    expect(await answersPermit(b.chat('g1', 'carol'))).toBe(true);
  });

  it('learns at once from a moderator (the platform says so), and waits for N members when the option says so', async () => {
    const b = await start({ faq: { learning: { pickers: 3 } } });
    await seed(b, 'g1');
    await seed(b, 'g2');
    // Members: three are needed with pickers = 3.
    for (const who of ['alice', 'bob']) {
      const member = b.chat('g1', who);
      await press(b, member, button(await offered(member), 2));
    }
    expect(await answersPermit(b.chat('g1', 'carol'))).toBe(false);
    const dave = b.chat('g1', 'dave');
    await press(b, dave, button(await offered(dave), 2));
    expect(await answersPermit(b.chat('g1', 'carol'))).toBe(true);
    // A moderator's own pick is enough (g2's permit entry is #5).
    const mod = b.chat('g2', 'mo').as('moderator');
    await press(b, mod, button(await offered(mod), 5));
    const [reply] = await b.chat('g2', 'carol').send(BOAT);
    expect(reply!.text).toBe(PERMIT_ANSWER);
  });
});

describe('attacks on learning', () => {
  it('a forged token learns nothing (the button still shows the entry)', async () => {
    const b = await start();
    await seed(b, 'g1');
    for (const who of ['alice', 'bob']) {
      const member = b.chat('g1', who);
      await offered(member);
      expect(await press(b, member, 'faq:show:2:AAAAAAAA')).toEqual([PERMIT_ANSWER]);
    }
    expect(await pickRows(b)).toHaveLength(0);
    expect(await answersPermit(b.chat('g1', 'carol'))).toBe(false);
  });

  it('an expired offer learns nothing', async () => {
    const b = await start({ faq: { learning: { offerTtlMs: 400 } } });
    await seed(b, 'g1');
    const alice = b.chat('g1', 'alice');
    const late = await offered(alice);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await press(b, alice, button(late, 2))).toEqual([PERMIT_ANSWER]);
    const bob = b.chat('g1', 'bob');
    await press(b, bob, button(await offered(bob), 2));
    expect(await pickRows(b)).toHaveLength(1);
    expect(await answersPermit(b.chat('g1', 'carol'))).toBe(false);
  });

  it('a pick of an entry that was not offered learns nothing, by button or typed', async () => {
    const b = await start();
    await seed(b, 'g1');
    const alice = b.chat('g1', 'alice');
    const offer = await offered(alice);
    expect(offer.buttons.some((d) => d.startsWith('faq:show:3:'))).toBe(false);
    // Alice's real token with the pharmacy's id.
    const token = button(offer, 2).split(':')[3]!;
    expect(await press(b, alice, `faq:show:3:${token}`)).toEqual(['Where is the nearest pharmacy?\nPharmacie du Marché, 3 place du Marché.']);
    const bob = b.chat('g1', 'bob');
    await offered(bob);
    expect((await bob.send('/faq 3')).map((r) => r.text)[0]).toContain('Pharmacie du Marché');
    expect(await pickRows(b)).toHaveLength(0);
    // Their offers are still theirs: nothing was taken by the bad picks.
    expect((await b.chat('g1', 'carol').send(BOAT))[0]!.text).toMatch(/^Did you mean/);
  });

  it('someone else pressing under another member’s question sees the answer and teaches nothing', async () => {
    const b = await start();
    await seed(b, 'g1');
    // Bob presses Alice's button, Dave presses Carol's: two members, two questions, none of them their own.
    for (const [asker, presser] of [['alice', 'bob'], ['carol', 'dave']] as const) {
      const offer = await offered(b.chat('g1', asker));
      expect(await press(b, b.chat('g1', presser), button(offer, 2))).toEqual([PERMIT_ANSWER]);
    }
    // Typed: Erin types the choice Alice was offered, with no question of her own.
    await offered(b.chat('g1', 'alice'));
    await b.chat('g1', 'erin').send('/faq 2');
    expect(await pickRows(b)).toHaveLength(0);
    expect(await answersPermit(b.chat('g1', 'frank'))).toBe(false);
  });

  it('the same member picking twice counts once', async () => {
    const b = await start();
    await seed(b, 'g1');
    const alice = b.chat('g1', 'alice');
    for (let i = 0; i < 3; i++) await press(b, alice, button(await offered(alice, i === 1 ? '/faq Where can I park my BOAT' : BOAT), 2));
    // A double tap on one offer: the offer was taken by the first.
    const offer = await offered(alice);
    await press(b, alice, button(offer, 2));
    await press(b, alice, button(offer, 2));
    expect(await pickRows(b)).toHaveLength(1);
    expect(await answersPermit(b.chat('g1', 'carol'))).toBe(false);
  });

  it('a pick made in another group of the community (shared entry) does not count; a group’s phrasings stay its own', async () => {
    const b = await start();
    for (const key of ['a', 'b', 'solo']) await b.chat(key, 'sam').send('/faq');
    const [community] = await b.db.db.insert(communities).values({ name: 'Quartier des Lilas' }).returning();
    for (const key of ['a', 'b']) {
      await b.db.db.update(groups).set({ communityId: community!.id }).where(eq(groups.id, `console:${key}`));
      b.app.services.groups.forgetCached(`console:${key}`);
    }
    await seed(b, 'a'); // shared: #1–#3, seen by a and b
    // Asked in a, pressed in b (which sees the shared entry): not where it was offered.
    for (const who of ['alice', 'bob']) {
      const offer = await offered(b.chat('a', who));
      expect(await press(b, b.chat('b', who), button(offer, 2))).toEqual([PERMIT_ANSWER]);
    }
    expect(await pickRows(b)).toHaveLength(0);
    expect(await answersPermit(b.chat('a', 'carol'))).toBe(false);

    // Learned in a, for the community's shared entry: b sees it (the same FAQ); a group outside does not.
    for (const who of ['alice', 'bob']) {
      const offer = await offered(b.chat('a', who));
      await press(b, b.chat('a', who), button(offer, 2));
    }
    expect(await answersPermit(b.chat('b', 'carol'))).toBe(true);
    await seed(b, 'solo'); // its own #4–#6, the same texts
    const [solo] = await b.chat('solo', 'carol').send(BOAT);
    expect(solo!.text).toMatch(/^Did you mean/);
  });

  it('a removed entry takes its phrasings with it, and a pick of it after removal learns nothing', async () => {
    const b = await start();
    await seed(b, 'g1');
    const alice = b.chat('g1', 'alice');
    await press(b, alice, button(await offered(alice), 2));
    const bob = b.chat('g1', 'bob');
    const late = await offered(bob);
    await b.chat('g1', 'mo').as('moderator').send('/faq remove 2');
    expect(await press(b, bob, button(late, 2))).toEqual(["This topic is not in this group's FAQ (any more). Type /faq to see the topics."]);
    expect(await pickRows(b)).toHaveLength(0);
    // Added again (a new entry, #4): it learns afresh.
    await b.chat('g1', 'mo').send(`/faq add ${PERMIT}`);
    expect((await b.chat('g1', 'carol').send(BOAT))[0]!.text).toMatch(/^Did you mean/);
  });

  it('/forgetme removes the person’s picks, and a phrasing they made learned is no longer', async () => {
    const b = await start();
    await seed(b, 'g1');
    for (const who of ['alice', 'bob']) {
      const member = b.chat('g1', who);
      await press(b, member, button(await offered(member), 2));
    }
    expect(await answersPermit(b.chat('g1', 'carol'))).toBe(true);
    // An offer Bob has not picked from yet holds his question in Redis (/forgetme's scan of Redis removes it).
    await offered(b.chat('g1', 'bob'), '/faq where can I park my caravan?');
    expect(await offerTraces(b, 'console:bob')).not.toEqual([]);
    const [erased] = await b.chat('g1', 'bob').send('/forgetme');
    expect(await offerTraces(b, 'console:bob')).toEqual([]);
    expect(erased!.text).toMatch(/erased [1-9]\d* record/);
    expect((await pickRows(b)).map((r) => r.askerId)).toEqual(['console:alice']);
    expect(await answersPermit(b.chat('g1', 'carol'))).toBe(false);
  });

  it('/forgetme has the index rebuilt once its transaction has committed, not before (a rebuild then would keep the picks)', async () => {
    const b = await start();
    await seed(b, 'g1');
    for (const who of ['alice', 'bob']) {
      const member = b.chat('g1', who);
      await press(b, member, button(await offered(member), 2));
    }
    const { redis, prefix } = b.app.services;
    const version = async () => Number((await redis.get(`${prefix}:faq:v:g:console:g1`)) ?? 0);
    const before = await version();
    // An eraser registered after the FAQ's runs later in the same transaction: the index version must not have moved.
    let during: number | undefined;
    b.app.services.people.addEraser(async () => {
      during = await version();
      return 0;
    });
    await b.chat('g1', 'bob').send('/forgetme');
    expect(during).toBe(before);
    expect(await version()).toBeGreaterThan(before);
    expect(await answersPermit(b.chat('g1', 'carol'))).toBe(false);
  });

  it('caps: picks per member per group, learned phrasings per entry; a long message is not learned', async () => {
    const b = await start({ faq: { learning: { perMember: 1, perEntry: 1 } } });
    await seed(b, 'g1');
    await seed(b, 'g2');
    // Alice's second question in g1 is over her share.
    const alice = b.chat('g1', 'alice');
    await press(b, alice, button(await offered(alice), 2));
    await press(b, alice, button(await offered(alice, '/faq where can I park my caravan?'), 2));
    expect((await pickRows(b)).map((r) => r.question)).toEqual(['where can I park my boat?']);
    // g2's permit entry (#5) learns one phrasing from its moderator, then no more.
    const mod = b.chat('g2', 'mo').as('moderator');
    await press(b, mod, button(await offered(mod), 5));
    const other = b.chat('g2', 'zoe').as('moderator');
    await press(b, other, button(await offered(other, '/faq where can I park my caravan?'), 5));
    expect((await pickRows(b)).filter((r) => r.groupId === 'console:g2').map((r) => r.question)).toEqual(['where can I park my boat?']);
    // A long message's story would teach the entry words of other topics.
    const long = '/faq hi all, we moved in last week with the kids and the dog, the van is still full of boxes and my brother comes on Sunday with his boat, where can he park it?';
    const sam = b.chat('g1', 'sam').as('moderator');
    await press(b, sam, button(await offered(sam, long), 2));
    expect(await pickRows(b)).toHaveLength(2);
  });

  it('caps the picks a group keeps: past perGroup, members still see the answer but nothing more is stored', async () => {
    const b = await start({ faq: { learning: { perGroup: 2 } } });
    await seed(b, 'g1');
    const asks = { alice: BOAT, bob: '/faq where can I park my caravan?', carol: '/faq where can I park my trailer?' };
    for (const [who, text] of Object.entries(asks)) {
      const member = b.chat('g1', who);
      const shown = await press(b, member, button(await offered(member, text), 2));
      expect(shown.join('\n')).toContain(PERMIT_ANSWER);
    }
    expect((await pickRows(b)).map((r) => r.askerId).sort()).toEqual(['console:alice', 'console:bob']);
  });
});
