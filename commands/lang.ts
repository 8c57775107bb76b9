import { defineCommand } from '../src/core/command.js';
import { isSupportedLanguage, languageName, supportedLanguages } from '../src/i18n/index.js';

/** `/lang`: the group's language and the others available; `/lang <code>` (admin): changes it, audited. */
export const lang = defineCommand({
  name: 'lang',
  where: 'any',
  role: 'member',
  roleWithArgs: 'admin',
  args: [{ name: 'code', optional: true }],
  async run(ctx, args) {
    const available = supportedLanguages()
      .map((code) => `${code} (${languageName(code)})`)
      .join(', ');
    if (!args.code) {
      await ctx.reply(ctx.t('lang.show', { language: languageName(ctx.group.language), code: ctx.group.language, available }));
      return;
    }
    const code = args.code.toLowerCase();
    if (!isSupportedLanguage(code)) {
      await ctx.usage();
      await ctx.reply(ctx.t('lang.available', { available }));
      return;
    }
    // languageChosen: in a private chat an explicit choice then wins over the platform's language hint.
    ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'lang', {
      language: code,
      settings: { languageChosen: true },
    });
    // Answer in the new language: that is how the admin sees it worked.
    await ctx.reply(ctx.t('lang.set', { language: languageName(code) }));
  },
});
