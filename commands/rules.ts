import { defineCommand } from '../src/core/command.js';

/** `/rules`: the group's rules, as its admins wrote them. */
export const rules = defineCommand({
  name: 'rules',
  where: 'group',
  role: 'member',
  args: [],
  async run(ctx) {
    const text = ctx.group.rules;
    await ctx.reply(text ? ctx.t('rules.show', { rules: text }) : ctx.t('rules.none'));
  },
});

/** `/setrules <text>`: replaces the rules; audited. */
export const setrules = defineCommand({
  name: 'setrules',
  where: 'group',
  role: 'admin',
  args: [{ name: 'text', rest: true }],
  async run(ctx, args) {
    ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'setrules', { rules: args.text });
    await ctx.reply(ctx.t('rules.set'));
  },
});

/** `/clearrules`: removes the rules; audited. */
export const clearrules = defineCommand({
  name: 'clearrules',
  where: 'group',
  role: 'admin',
  args: [],
  async run(ctx) {
    ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'clearrules', { rules: null });
    await ctx.reply(ctx.t('rules.cleared'));
  },
});
