// Auto-answer: when a group has it on, a plain message that is clearly a question matching a FAQ entry with high
// confidence gets the answer as a reply, at most once per topic per group per cooldown. Always calls next(): the
// message is still an ordinary message that bridges must relay.
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import { autoAnswer } from './match.js';
import { AUTO_ANSWER_SETTING, scopeOf } from './service.js';

/** Whether this message is one auto-answer may look at. */
function candidate(ctx: Context): boolean {
  const { envelope } = ctx;
  if (envelope.kind !== 'message' || envelope.sender.isBot || envelope.forwarded) return false;
  if (ctx.group.settings[AUTO_ANSWER_SETTING] !== true) return false;
  const text = envelope.text.trim();
  // Commands (ours or another bot's) are not questions to the FAQ.
  return text !== '' && !/^[/!]/.test(text);
}

async function answer(ctx: Context): Promise<void> {
  const { faq } = ctx.services;
  const index = await faq.index(scopeOf(ctx.group));
  if (index.size === 0) return;
  const found = autoAnswer(index, ctx.envelope.text, { hint: ctx.envelope.sender.language, group: ctx.group.language });
  if (!found) return;
  if (!(await faq.takeAutoAnswerSlot(ctx.group.id, found.entryId, ctx.clock.now(), ctx.envelope.id))) {
    ctx.log.debug({ entry: found.entryId }, 'faq auto-answer skipped: topic answered recently');
    return;
  }
  ctx.log.debug({ entry: found.entryId, confidence: found.confidence }, 'faq auto-answer');
  await ctx.reply(ctx.t('faq.auto_answer', { id: found.entryId, answer: found.translation.answer }));
}

export const faqAutoAnswer: Stage<Context> = {
  name: 'faq-auto-answer',
  async run(ctx, next) {
    // If answering meets a bug, the pipeline's guard counts it and still calls next(): the bridges get the message.
    if (candidate(ctx)) await answer(ctx);
    await next();
  },
};
