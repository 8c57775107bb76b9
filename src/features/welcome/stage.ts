// Joins start a welcome; the verification button and the messages of people still waiting to verify stop here
// (before the commands, quiet hours and bridges), so a spam account's first message never reaches anyone.
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import { VERIFY_BUTTON } from './service.js';
import { verifyOn } from './settings.js';

/** Someone waiting may still ask Quartier to forget them. */
const ALWAYS_ALLOWED = /^\/forgetme(\s|$)/i;

export const welcomeStage: Stage<Context> = {
  name: 'welcome',
  async run(ctx: Context, next) {
    const { envelope } = ctx;
    const welcome = ctx.services.welcome;
    if (envelope.chat.type !== 'group') return next();
    switch (envelope.kind) {
      case 'join':
        await welcome.onJoin(ctx);
        return next();
      case 'leave':
        await welcome.onLeave(ctx.group.id, envelope.sender.id);
        return next();
      case 'button':
        if (envelope.buttonData !== VERIFY_BUTTON) return next();
        await welcome.onButton(ctx);
        return;
      case 'message':
        if (!verifyOn(ctx.group) || envelope.sender.isBot || ALWAYS_ALLOWED.test(envelope.text)) return next();
        if (await welcome.onMessage(ctx)) return;
        return next();
      default:
        return next();
    }
  },
};
