import { defineCommand, defineSubcommand } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { isSupportedLanguage } from '../src/i18n/index.js';
import { greetingText } from '../src/features/welcome/greeting.js';
import { SETTING, WELCOME_TEXT_MAX, welcomeSettings, type WelcomeSettings } from '../src/features/welcome/settings.js';
import { parseLanguageCode } from './faq.js';

async function save(ctx: Context, action: string, settings: WelcomeSettings): Promise<void> {
  await ctx.services.people.remember(ctx.envelope.sender);
  ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, action, { settings: { [SETTING.welcome]: settings } });
}

/**
 * `/welcome`: shows the greeting newcomers get (as they would see it, with a sample name). Admins: `/welcome <text>`
 * sets it ({name} and {group} are filled in), `/welcome off`, `/welcome translate <code> <text>`. Audited.
 */
export const welcome = defineCommand({
  name: 'welcome',
  where: 'group',
  role: 'member',
  roleWithArgs: 'admin',
  args: [{ name: 'welcome_text', rest: true, optional: true }],
  async run(ctx, args) {
    const settings = welcomeSettings(ctx.group);
    if (!args.welcome_text) {
      if (settings.off) {
        await ctx.reply(ctx.t('welcome.show_off'));
        return;
      }
      // Shown as a newcomer would see it in the group's language, which is what ctx.t speaks in a group.
      const sample = greetingText({ language: ctx.group.language, newcomers: [{ id: '', name: ctx.t('welcome.sample_name') }], group: ctx.group, topics: [] }, (_language, key, params) => ctx.t(key, params));
      await ctx.reply(ctx.t('welcome.show', { text: sample }));
      return;
    }
    const text = args.welcome_text.trim();
    if (text.length > WELCOME_TEXT_MAX) {
      await ctx.replyEphemeral('welcome.too_long', { max: WELCOME_TEXT_MAX });
      return;
    }
    const { off: _off, ...rest } = settings;
    await save(ctx, 'welcome', { ...rest, text });
    await ctx.reply(ctx.t('welcome.set'));
  },
  subcommands: [
    defineSubcommand({
      name: 'off',
      role: 'admin',
      args: [],
      async run(ctx) {
        await save(ctx, 'welcome off', { ...welcomeSettings(ctx.group), off: true });
        await ctx.reply(ctx.t('welcome.off'));
      },
    }),
    defineSubcommand({
      name: 'translate',
      role: 'admin',
      args: [
        { name: 'welcome_language' },
        { name: 'welcome_text', rest: true },
      ],
      async run(ctx, args) {
        const code = parseLanguageCode(args.welcome_language);
        const text = args.welcome_text.trim();
        if (!code || !isSupportedLanguage(code) || !text) return ctx.usage();
        if (text.length > WELCOME_TEXT_MAX) {
          await ctx.replyEphemeral('welcome.too_long', { max: WELCOME_TEXT_MAX });
          return;
        }
        const settings = welcomeSettings(ctx.group);
        await save(ctx, 'welcome translate', { ...settings, translations: { ...settings.translations, [code]: text } });
        await ctx.reply(ctx.t('welcome.translated', { language: code }));
      },
    }),
  ],
});
