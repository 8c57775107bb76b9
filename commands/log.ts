import { defineCommand } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { unqualify } from '../src/core/envelope.js';
import { parseCode } from '../src/text/codes.js';
import { groupName, LOG_CODE_TTL_MS, LOG_SETTING, logChatOf } from '../src/features/moderation/log.js';

/** A chat's name for a reply: its title if Quartier knows the chat, else its bare id, with its platform. */
async function chatName(ctx: Context, chatId: string): Promise<string> {
  const known = await ctx.services.groups.find(chatId);
  return `${known?.title ?? unqualify(chatId).bare} (${unqualify(chatId).platform})`;
}

/**
 * `/log <CODE>` in the chat that becomes the log (admin there): the group that asked for the code sends its
 * moderation events here from now on, and hears who linked it and how to undo it.
 */
async function useCode(ctx: Context, typed: string): Promise<void> {
  const code = parseCode(typed);
  if (!code) return ctx.usage();
  const { codeAttempts, groups, moderation } = ctx.services;
  const sender = ctx.envelope.sender;
  if (await codeAttempts.blocked(ctx.group.id, sender.id)) {
    await ctx.replyEphemeral('codes.too_many');
    return;
  }
  const groupId = await moderation.log.takeCode(code);
  const source = groupId && (await groups.find(groupId));
  if (!source) {
    await codeAttempts.wrong(ctx.group.id, sender.id);
    await ctx.replyEphemeral('moderation.log.code_unknown');
    return;
  }
  if (source.id === ctx.group.id) {
    await ctx.replyEphemeral('moderation.log.same_chat');
    return;
  }
  await ctx.services.people.remember(sender);
  await groups.change(source.id, sender.id, 'log link', { settings: { [LOG_SETTING]: ctx.group.id } });
  await ctx.reply(ctx.t('moderation.log.linked', { group: groupName(source) }));
  await ctx.outbox.enqueue({
    id: `${ctx.envelope.id}:log-linked`,
    target: source.id,
    action: 'send',
    text: ctx.services.moderation.log.translate(source.language, 'moderation.log.linked_other', { chat: await chatName(ctx, ctx.group.id), name: sender.name }),
    urgent: true,
    people: [sender.id],
  });
}

/** `/log`: where this group's log goes; `/log link`, `/log <CODE>`, `/log off` (admin). */
export const log = defineCommand({
  name: 'log',
  where: 'group',
  role: 'admin',
  args: [{ name: 'code', optional: true }],
  async run(ctx, args) {
    if (args.code) return useCode(ctx, args.code);
    const logChat = logChatOf(ctx.group);
    await ctx.reply(logChat ? ctx.t('moderation.log.shows', { chat: await chatName(ctx, logChat) }) : ctx.t('moderation.log.none'));
  },
  subcommands: [
    {
      name: 'link',
      role: 'admin',
      args: [],
      async run(ctx) {
        const code = await ctx.services.moderation.log.createCode(ctx.group.id, ctx.envelope.sender.id);
        // A code is a secret: whoever sees it could read this group's moderation log. Only the admin who asked gets it.
        await ctx.services.codeGrants.give(ctx, { needed: 'admin', key: 'moderation.log.code', params: { code }, command: '/log link' }, LOG_CODE_TTL_MS);
      },
    },
    {
      name: 'off',
      role: 'admin',
      args: [],
      async run(ctx) {
        const logChat = logChatOf(ctx.group);
        if (!logChat) {
          await ctx.reply(ctx.t('moderation.log.none'));
          return;
        }
        ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'log off', { settings: { [LOG_SETTING]: undefined } });
        await ctx.reply(ctx.t('moderation.log.off'));
        const language = (await ctx.services.groups.find(logChat))?.language ?? ctx.language;
        await ctx.outbox.enqueue({
          id: `${ctx.envelope.id}:log-off`,
          target: logChat,
          action: 'send',
          text: ctx.services.moderation.log.translate(language, 'moderation.log.unlinked', { group: groupName(ctx.group), name: ctx.envelope.sender.name }),
          urgent: true,
          people: [ctx.envelope.sender.id],
        });
      },
    },
  ],
});
