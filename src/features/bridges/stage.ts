// The bridge relay stage, last in the pipeline: a message, edit or delete in a bridged chat becomes one outbound
// message per other chat of the bridge. Commands never get here for a command we know (the command stage ends the
// chain), and anything else that looks like a command (another bot's) is not relayed either. Our own posts and our
// webhooks' posts never reach the pipeline: the adapters drop them, so nothing loops.
import { splitCommandText } from '../../core/command.js';
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import type { Envelope, QualifiedId } from '../../core/envelope.js';
import type { OutboundMessage } from '../../core/outbound.js';
import { jobId } from '../../queue/names.js';
import type { BridgeService } from './service.js';
import type { RelayMeta } from './relay-jobs.js';
import { relayContent } from './relay.js';

/** The relay of one event to one chat: the same id every time the event is processed, so it is queued once. */
export function relayId(envelope: Envelope): string {
  return `bridge:${envelope.id}`;
}

async function enqueue(ctx: Context, bridge: BridgeService, message: OutboundMessage, meta: RelayMeta): Promise<void> {
  const id = jobId(message.id, message.target);
  await bridge.jobs.register(id, message.target, meta);
  await ctx.outbox.enqueue({ ...message, origin: { feature: 'bridges', ref: { ...meta } } });
}

async function relay(ctx: Context, bridge: BridgeService): Promise<void> {
  const env = ctx.envelope;
  if (env.chat.type !== 'group' || !env.messageId) return;
  if ((env.kind === 'message' || env.kind === 'edit') && splitCommandText(env.text)) return;
  if ((env.kind === 'join' || env.kind === 'leave') && !bridge.options.joinLeaveNotices) return;
  if (!['message', 'edit', 'delete', 'join', 'leave'].includes(env.kind)) return;
  const partners = await bridge.repo.partnersOf(env.chat.id);
  if (partners.length === 0) return;
  await relayTo(ctx, bridge, partners);
  // Old map entries go once the copies are queued: a due prune never delays a relay.
  await bridge.pruneNow();
}

async function relayTo(ctx: Context, bridge: BridgeService, partners: QualifiedId[]): Promise<void> {
  const env = ctx.envelope;
  if (!env.messageId) return;
  const now = new Date(ctx.clock.now());
  const languageOf = async (chatId: QualifiedId) => (await ctx.services.groups.findRecent(chatId))?.language ?? ctx.services.defaults.language;

  if (env.kind === 'join' || env.kind === 'leave') {
    for (const target of partners) {
      const text = bridge.translate(await languageOf(target), `bridge.${env.kind}`, { name: env.sender.name });
      await enqueue(ctx, bridge, { id: relayId(env), target, action: 'send', text, people: [env.sender.id] }, { kind: 'send', canonical: env.messageId, source: env.chat.id });
    }
    return;
  }

  if (env.kind === 'message') {
    const canonical = env.messageId;
    const repliedTo = env.replyTo ? await bridge.repo.copyOf(env.replyTo.messageId) : undefined;
    const replyTo = repliedTo ? { canonical: repliedTo.canonicalId, part: repliedTo.part } : undefined;
    // The origin's record is read by later events of this chat (an edit, a delete, a reply), which wait for this job
    // to finish, and by replies to its copies in the other chats, which come after a copy was delivered and read; so
    // it is written beside the copies being queued, not before them. The copies go to different chats, whose orders
    // are separate: they are queued side by side too. If any of it fails, the job is retried and the copies' fixed job
    // ids keep them queued once.
    await Promise.all([
      bridge.repo.recordCopies([{ messageId: canonical, canonicalId: canonical, chatId: env.chat.id, part: 0, via: 'origin' }], now),
      ...partners.map(async (target) => {
        const content = relayContent(env, await languageOf(target), bridge.translate);
        if (!content) return;
        const message: OutboundMessage = { id: relayId(env), target, action: 'send', ...content };
        await enqueue(ctx, bridge, message, { kind: 'send', canonical, source: env.chat.id, ...(replyTo ? { replyTo } : {}) });
      }),
    ]);
    return;
  }

  // An edit or a delete of a message that was relayed: only its author's original counts (copies are ours).
  const original = await bridge.repo.copyOf(env.messageId);
  if (!original || original.via !== 'origin') return;
  for (const target of partners) {
    if (env.kind === 'delete') {
      // The identity tells the Discord adapter to delete through the webhook that posted the copy.
      const message: OutboundMessage = { id: relayId(env), target, action: 'delete', text: '', identity: { name: env.sender.name || '-' } };
      await enqueue(ctx, bridge, message, { kind: 'delete', canonical: original.canonicalId, source: env.chat.id });
      continue;
    }
    const content = relayContent(env, await languageOf(target), bridge.translate);
    if (!content) continue;
    await enqueue(ctx, bridge, { id: relayId(env), target, action: 'edit', ...content }, { kind: 'edit', canonical: original.canonicalId, source: env.chat.id });
  }
}

export const bridgeStage: Stage<Context> = {
  name: 'bridge',
  async run(ctx, next) {
    await relay(ctx, ctx.services.bridge);
    await next();
  },
};
