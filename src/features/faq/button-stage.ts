// A "did you mean" button under a `/faq` reply shows that entry, like `/faq <id>`. The entry is looked up in the FAQ
// of the chat where the button is pressed, so a button carried elsewhere (a copied message, another chat) shows only
// what that chat's FAQ holds, or says the topic is not here. When the asker presses it, the FAQ also learns their
// question as a phrasing of the entry (service.picked checks the offer's token). Other buttons go on down the pipeline.
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import { roleAtLeast } from '../../core/roles.js';
import { answerFor } from './match.js';
import { FAQ_BUTTON_PREFIX, parseFaqButton, scopeOf } from './service.js';

export const faqButtonStage: Stage<Context> = {
  name: 'faq-button',
  async run(ctx, next) {
    const data = ctx.envelope.buttonData;
    if (ctx.envelope.kind !== 'button' || !data?.startsWith(FAQ_BUTTON_PREFIX)) return next();
    const button = parseFaqButton(data.slice(FAQ_BUTTON_PREFIX.length));
    const index = await ctx.services.faq.index(scopeOf(ctx.group));
    const entry = button === undefined ? undefined : index.entry(button.entryId);
    if (!button || !entry) {
      await ctx.replyEphemeral('faq.choice_gone', undefined);
      return;
    }
    const { question, answer } = answerFor(entry, { hint: ctx.envelope.sender.language, group: ctx.group.language });
    await ctx.reply(ctx.t('faq.answer', { id: entry.id, question, answer }));
    if (button.token === undefined) return;
    const learned = await ctx.services.faq.picked({
      scope: scopeOf(ctx.group),
      entryId: entry.id,
      token: button.token,
      pickerId: ctx.envelope.sender.id,
      isModerator: async () => roleAtLeast(await ctx.role(), 'moderator'),
    });
    ctx.log.debug({ entry: entry.id, learned }, 'faq pick');
  },
};
