// The FAQ auto-answer stage end to end: on/off (audited), answers to clear questions as replies, the per-topic
// cooldown (driven by an injected clock), chatter left alone, and the message always passed on to later stages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stage } from '../../src/core/composer.js';
import type { Context } from '../../src/core/context.js';
import { AUTO_ANSWER_COOLDOWN_MS } from '../../src/features/faq/service.js';
import { startTestApp, type TestBot, type TestChat } from '../helpers/app.js';

const BINS = 'When are the bins collected? | Bins go out on Tuesday evening; the lorry comes on Wednesday morning.';
const PERMIT = 'How do I get a residents parking permit? | Apply at the town hall with proof of address.';
const PHARMACY = 'Where is the nearest pharmacy? | Pharmacie du Marché, 3 place du Marché.';

let bot: TestBot;
let offset = 0;
/** Texts that reached the stage after the FAQ stage (where the bridge relay sits). */
let relayed: string[] = [];

const probe: Stage<Context> = {
  name: 'probe',
  async run(ctx, next) {
    relayed.push(ctx.envelope.text);
    await next();
  },
};

beforeEach(async () => {
  offset = 0;
  relayed = [];
  bot = await startTestApp({ clock: { now: () => Date.now() + offset }, afterCommands: [probe] });
  const mod = bot.chat('g1', 'mo').as('moderator');
  for (const entry of [BINS, PERMIT, PHARMACY]) await mod.send(`/faq add ${entry}`);
});
afterEach(async () => {
  await bot.stop();
});

async function texts(chat: TestChat, text: string): Promise<string[]> {
  return (await chat.send(text)).map((r) => r.text);
}

describe('/faq auto', () => {
  it('is for admins only, and audited', async () => {
    expect(await texts(bot.chat('g1', 'mo').as('moderator'), '/faq auto on')).toEqual([
      expect.stringMatching(/only the group's admins/),
    ]);
    expect(await texts(bot.chat('g1', 'ada').as('admin'), '/faq auto on')).toEqual([expect.stringMatching(/^From now on I answer/)]);
    const [audit] = await bot.app.services.audit.latest('console:g1');
    expect(audit).toMatchObject({ actorId: 'console:ada', action: 'faq_auto', before: { faqAutoAnswer: null }, after: { faqAutoAnswer: true } });
  });

  it('stays quiet while off', async () => {
    expect(await texts(bot.chat('g1', 'sam'), 'When are the bins collected?')).toEqual([]);
    expect(relayed).toContain('When are the bins collected?');
  });
});

describe('auto-answer', () => {
  beforeEach(async () => {
    await bot.chat('g1', 'ada').as('admin').send('/faq auto on');
  });

  it('answers a clear question as a reply, then not again for the same topic until the cooldown has passed', async () => {
    const sam = bot.chat('g1', 'sam');
    const [first] = await sam.send('When are the bins collected?');
    expect(first!.text).toBe('Bins go out on Tuesday evening; the lorry comes on Wednesday morning.\n(FAQ #1)');
    expect(first!.message.replyTo).toMatch(/^console:/);

    // Another person, same topic, a minute later: the group has just seen the answer.
    offset = 60_000;
    expect(await texts(bot.chat('g1', 'kim'), 'when do they collect the bins?')).toEqual([]);
    // Another topic is not held back by the first one's cooldown.
    expect(await texts(sam, 'Where is the nearest pharmacy?')).toEqual(['Pharmacie du Marché, 3 place du Marché.\n(FAQ #3)']);

    offset = AUTO_ANSWER_COOLDOWN_MS + 1000;
    expect(await texts(bot.chat('g1', 'kim'), 'When are the bins collected?')).toEqual([
      expect.stringContaining('Bins go out on Tuesday evening'),
    ]);
    // Every message, answered or not, went on to the stages after the FAQ (bridges relay it).
    expect(relayed.filter((t) => !t.startsWith('/'))).toHaveLength(4);
  });

  it('keeps the cooldown per group', async () => {
    await bot.chat('g2', 'ada').as('admin').send('/faq auto on');
    await bot.chat('g2', 'mo').as('moderator').send(`/faq add ${BINS}`);
    expect(await texts(bot.chat('g1', 'sam'), 'When are the bins collected?')).toHaveLength(1);
    expect(await texts(bot.chat('g2', 'sam'), 'When are the bins collected?')).toHaveLength(1);
  });

  it('leaves chatter, statements and keyword mentions alone', async () => {
    const sam = bot.chat('g1', 'sam');
    for (const line of [
      'the bins smell today',
      'I got my parking permit this morning, finally',
      'thanks everyone!',
      'Anyone up for a drink at the pharmacy corner café tonight? lol',
      'Is there a choir for children around here?',
    ]) {
      expect(await texts(sam, line), line).toEqual([]);
    }
    expect(relayed).toContain('the bins smell today');
  });

  it('answers a French asker in French where the entry has a translation', async () => {
    await bot.chat('g1', 'mo').as('moderator').send(
      '/faq translate 1 fr Quand passe la collecte des poubelles ? | Les poubelles sortent le mardi soir.',
    );
    const envelope = await bot.console.say({
      group: { key: 'g1', title: 'g1' },
      userKey: 'amelie',
      userName: 'Amélie',
      text: 'Quand passe la collecte des poubelles ?',
      language: 'fr',
    });
    const replies = await bot.outcomeOf(envelope);
    expect(replies.map((r) => r.text)).toEqual(['Les poubelles sortent le mardi soir.\n(FAQ #1)']);
  });

  it('ignores commands and stops once turned off', async () => {
    expect(await texts(bot.chat('g1', 'sam'), '/frobnicate when are the bins collected?')).toEqual([
      expect.stringContaining('/help'),
    ]);
    await bot.chat('g1', 'ada').as('admin').send('/faq auto off');
    expect(await texts(bot.chat('g1', 'sam'), 'When are the bins collected?')).toEqual([]);
  });
});
