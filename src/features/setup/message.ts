// The setup message: what the group has set (language, time zone, quiet hours, rules, welcome) with the command that
// changes each, and the permissions the bot still lacks with what each one enables, as the platform tells them.
import type { Context } from '../../core/context.js';
import type { BotRight } from '../../core/roles.js';
import { describeQuietHours } from '../quiet-and-flood/describe.js';
import { rulesSettings } from '../quiet-and-flood/settings.js';
import { greets } from '../welcome/settings.js';

export async function setupMessage(ctx: Context): Promise<string> {
  const { group } = ctx;
  const quiet = rulesSettings(group).quietHours;
  const lines = [
    ctx.t('setup.intro', { group: group.title ?? ctx.t('setup.this_group') }),
    ctx.t('setup.language', { language: group.language }),
    ctx.t('setup.timezone', { zone: group.timezone }),
    quiet ? ctx.t('setup.quiet.on', { hours: describeQuietHours(ctx, quiet) }) : ctx.t('setup.quiet.off'),
    ctx.t(group.rules ? 'setup.rules.set' : 'setup.rules.unset'),
    ctx.t(greets(group) ? 'setup.welcome.on' : 'setup.welcome.off'),
    '',
    rightsText(ctx, await ctx.services.roles.missingRights(group.id)),
    '',
    ctx.t('setup.again'),
  ];
  return lines.join('\n');
}

function rightsText(ctx: Context, missing: BotRight[] | undefined): string {
  if (!missing) return ctx.t('setup.rights.unknown');
  if (missing.length === 0) return ctx.t('setup.rights.ok');
  return [ctx.t('setup.rights.missing'), ...missing.map((right) => `• ${ctx.t(`setup.right.${right}`)}`)].join('\n');
}
