// `/faq`: the group's (and its community's) questions and answers. Matching lives in src/features/faq/match.ts,
// storage in src/features/faq/repository.ts; this file only reads arguments, calls them and picks the sentence.
import { defineCommand, defineSubcommand } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { roleAtLeast } from '../src/core/roles.js';
import { answerFor, answerQuestion, questionLanguage, type FaqEntry } from '../src/features/faq/match.js';
import { AUTO_ANSWER_SETTING, faqButtonData, scopeOf } from '../src/features/faq/service.js';
import { parseNumber } from '../src/text/numbers.js';

/** How many topics `/faq` lists before saying how many more there are. */
const LIST_LIMIT = 40;

/** `question | answer` → both parts trimmed, or undefined when either is missing. */
export function splitQuestionAnswer(text: string): { question: string; answer: string } | undefined {
  const bar = text.indexOf('|');
  if (bar < 0) return undefined;
  const question = text.slice(0, bar).trim();
  const answer = text.slice(bar + 1).trim();
  return question && answer ? { question, answer } : undefined;
}

/** `fr`, `FR`, `pt-BR`, `pt_BR` → the base code (`fr`, `pt`); undefined for anything else. */
export function parseLanguageCode(text: string): string | undefined {
  const match = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,4})?$/i.exec(text.trim());
  return match ? match[1]!.toLowerCase() : undefined;
}

/** The asker's preferences, in the order answerFor tries them. */
function preferences(ctx: Context): { hint?: string; group: string } {
  return { hint: ctx.envelope.sender.language, group: ctx.group.language };
}

/** `#12 When are the bins collected?`, in the asker's language where the entry has it. */
function topicLine(ctx: Context, entry: FaqEntry): string {
  return ctx.t('faq.topic', { id: entry.id, question: answerFor(entry, preferences(ctx)).question });
}

/** Shows one entry, in the asker's language where it has one. */
export async function replyEntry(ctx: Context, entry: FaqEntry): Promise<void> {
  const { question, answer } = answerFor(entry, preferences(ctx));
  await ctx.reply(ctx.t('faq.answer', { id: entry.id, question, answer }));
}

/** Button labels stay short (Discord allows 80 characters, Telegram shows about 30 on a phone). */
function buttonLabel(question: string): string {
  return question.length <= 60 ? question : `${question.slice(0, 59).trimEnd()}…`;
}

const add = defineSubcommand({
  name: 'add',
  role: 'moderator',
  args: [{ name: 'question_answer', rest: true }],
  async run(ctx, args) {
    const parts = splitQuestionAnswer(args.question_answer);
    if (!parts) return ctx.usage();
    const { faq } = ctx.services;
    const home = await faq.repository.add(scopeOf(ctx.group), {
      lang: ctx.group.language,
      ...parts,
      authorId: ctx.envelope.sender.id,
    });
    await faq.changed(home);
    await ctx.reply(ctx.t(home.communityId === null ? 'faq.added' : 'faq.added_community', { id: home.id }));
  },
});

const remove = defineSubcommand({
  name: 'remove',
  role: 'moderator',
  args: [{ name: 'faq_id' }],
  async run(ctx, args) {
    const id = parseNumber(args.faq_id);
    if (id === undefined) return ctx.usage();
    const { faq } = ctx.services;
    const home = await faq.repository.remove(scopeOf(ctx.group), id);
    if (!home) {
      await ctx.replyEphemeral('faq.not_found', { id });
      return;
    }
    await faq.changed(home);
    await ctx.reply(ctx.t('faq.removed', { id }));
  },
});

const translate = defineSubcommand({
  name: 'translate',
  role: 'moderator',
  args: [{ name: 'faq_id' }, { name: 'code' }, { name: 'question_answer', rest: true }],
  async run(ctx, args) {
    const id = parseNumber(args.faq_id);
    const lang = parseLanguageCode(args.code);
    const parts = splitQuestionAnswer(args.question_answer);
    if (id === undefined || !lang || !parts) return ctx.usage();
    const { faq } = ctx.services;
    const home = await faq.repository.translate(scopeOf(ctx.group), id, {
      lang,
      ...parts,
      authorId: ctx.envelope.sender.id,
    });
    if (!home) {
      await ctx.replyEphemeral('faq.not_found', { id });
      return;
    }
    await faq.changed(home);
    await ctx.reply(ctx.t('faq.translated', { id, code: lang }));
  },
});

const auto = defineSubcommand({
  name: 'auto',
  role: 'admin',
  args: [{ name: 'faq_auto', choices: ['on', 'off'] }],
  async run(ctx, args) {
    const on = args.faq_auto === 'on';
    ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'faq_auto', {
      settings: { [AUTO_ANSWER_SETTING]: on },
    });
    await ctx.reply(ctx.t(on ? 'faq.auto_on' : 'faq.auto_off'));
  },
});

/** `/faq`: lists the topics; `/faq <question>`: answers it, or says there is no answer and lists the closest. */
export const faq = defineCommand({
  name: 'faq',
  where: 'group',
  role: 'member',
  args: [{ name: 'question', rest: true, optional: true }],
  subcommands: [add, remove, translate, auto],
  async run(ctx, args) {
    const index = await ctx.services.faq.index(scopeOf(ctx.group));
    if (!args.question) {
      const entries = index.entries();
      if (entries.length === 0) {
        await ctx.reply(ctx.t('faq.empty'));
        return;
      }
      const lines = entries.slice(0, LIST_LIMIT).map((entry) => topicLine(ctx, entry));
      const more = entries.length - lines.length;
      await ctx.reply(ctx.t('faq.list', { topics: lines.join('\n'), more }));
      return;
    }
    // `/faq 12` or `/faq #12` (as lists, auto-answers and "did you mean" choices name entries) shows that entry.
    // Choices are entry ids, not positions in someone's list, so a number typed by anyone, anywhere, later, means
    // the same entry of this group's FAQ or is plainly not one.
    // Typed by the member who was offered it, it is also their pick: the FAQ may learn their question (service.picked).
    const byId = parseNumber(args.question);
    if (byId !== undefined) {
      const named = index.entry(byId);
      if (!named) {
        await ctx.replyEphemeral('faq.not_found', { id: byId });
        return;
      }
      await replyEntry(ctx, named);
      const learned = await ctx.services.faq.picked({
        scope: scopeOf(ctx.group),
        entryId: named.id,
        pickerId: ctx.envelope.sender.id,
        isModerator: async () => roleAtLeast(await ctx.role(), 'moderator'),
      });
      ctx.log.debug({ entry: named.id, learned }, 'faq pick');
      return;
    }
    const result = answerQuestion(index, args.question, preferences(ctx));
    if (result.kind === 'answer') {
      const { question, answer } = result.translation;
      await ctx.reply(ctx.t('faq.answer', { id: result.entryId, question, answer }));
      return;
    }
    // No answer: kept for the moderators to see what to add (the dashboard lists them).
    await ctx.services.faq.unanswered.record(scopeOf(ctx.group), ctx.envelope.sender.id, args.question, new Date(ctx.clock.now()));
    if (result.closest.length === 0) {
      await ctx.reply(ctx.t('faq.no_answer'));
      return;
    }
    // "Did you mean": the closest topics, each one tap (a button) or one command (`/faq <id>`, WhatsApp) away. The
    // offer is kept so the asker's pick can teach the FAQ their question.
    const token = await ctx.services.faq.offers.create({
      groupId: ctx.group.id,
      askerId: ctx.envelope.sender.id,
      question: args.question,
      lang: questionLanguage(args.question, preferences(ctx)) ?? ctx.group.language,
      offered: result.closest.map((c) => c.entryId),
    });
    const choices = result.closest.map((c) => ctx.t('faq.choice', { id: c.entryId, question: c.translation.question }));
    await ctx.reply(ctx.t('faq.did_you_mean', { choices: choices.join('\n') }), {
      buttons: result.closest.map((c) => ({ label: buttonLabel(c.translation.question), data: faqButtonData(c.entryId, token) })),
    });
  },
});
