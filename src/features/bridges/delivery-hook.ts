// The bridge's part in delivery. When a relay job has its turn (every earlier job for its chat is settled):
// resolve the copy it replies to, edits or deletes from the message map. Once delivered: record the copies. On
// failures: health for `/bridge`, and one short notice to the source chat per failure streak.
import { unqualify, type QualifiedId } from '../../core/envelope.js';
import type { Clock, Outbox, Translate } from '../../core/context.js';
import type { OutboundMessage } from '../../core/outbound.js';
import type { GroupDefaults, GroupRepository } from '../../db/groups.js';
import type { DeliveryHandlers } from '../../core/feature.js';
import type { BridgeHealth } from './health.js';
import type { RelayJobs, RelayMeta } from './relay-jobs.js';
import { withNamePrefix } from './relay.js';
import type { BridgeRepository, Copy } from './repository.js';

export interface DeliveryHookDeps {
  repo: BridgeRepository;
  jobs: RelayJobs;
  health: BridgeHealth;
  groups: GroupRepository;
  outbox: Outbox;
  translate: Translate;
  clock: Clock;
  defaults: GroupDefaults;
  /** Failed attempts in a row before the source chat is told (a final failure tells it at once). */
  noticeAfterFailures: number;
}

const isDiscord = (chatId: QualifiedId) => unqualify(chatId).platform === 'discord';

/** How a copy was posted: Discord posts with an identity go through the channel webhook. */
function viaOf(message: OutboundMessage): Copy['via'] {
  return isDiscord(message.target) && message.identity ? 'webhook' : 'bot';
}

/** A relay's reference, carried in its origin: what it relays, edits or deletes, and where from. */
export const metaOf = (message: OutboundMessage): RelayMeta | undefined =>
  message.origin?.feature === 'bridges' ? (message.origin.ref as unknown as RelayMeta) : undefined;

export function bridgeDeliveryHandlers(deps: DeliveryHookDeps): DeliveryHandlers {
  const { repo, jobs, health } = deps;

  async function notify(source: QualifiedId, target: QualifiedId, reason: string, kind: 'waiting' | 'failed', jobId: string): Promise<void> {
    if (!(await health.shouldNotice(target, source, kind))) return;
    const [sourceGroup, targetGroup] = await Promise.all([deps.groups.find(source), deps.groups.find(target)]);
    const language = sourceGroup?.language ?? deps.defaults.language;
    const chat = targetGroup?.title ?? unqualify(target).bare;
    const text = deps.translate(language, `bridge.notice.${kind}`, { chat, platform: unqualify(target).platform, reason: reason.slice(0, 120) });
    await deps.outbox.enqueue({ id: `bridge-notice:${kind}:${jobId}`, target: source, action: 'send', text });
  }

  return {
    async prepare(message) {
      const meta = metaOf(message);
      if (!meta) return undefined;
      const target = message.target;
      if (meta.kind === 'send') {
        let replyTo: QualifiedId | undefined;
        if (meta.replyTo) {
          const copies = await repo.copiesIn(meta.replyTo.canonical, target);
          replyTo = (copies.find((c) => c.part === meta.replyTo!.part) ?? copies.at(-1))?.messageId;
        }
        if (!replyTo) return undefined;
        // Discord webhook posts cannot reply: a reply goes as the bot's own message, with the name in bold.
        const reply = { ...message, replyTo };
        return { message: isDiscord(target) ? withNamePrefix(reply) : reply };
      }
      const relayed = (await repo.copiesIn(meta.canonical, target)).filter((c) => c.via !== 'origin');
      // A delete removes every copy; an edit changes the text (or caption) and leaves file-only copies as they are.
      const copies = meta.kind === 'delete' ? relayed : relayed.filter((c) => !c.fileOnly);
      if (copies.length === 0) return { skip: 'no relayed copy to change' };
      const editOf = copies.map((c) => c.messageId);
      const viaWebhook = copies[0]!.via === 'webhook';
      const changed = { ...message, editOf };
      if (!isDiscord(target) || viaWebhook) return { message: changed };
      // A copy the bot posted itself is changed through the channel, with the same bold name in front.
      return { message: meta.kind === 'edit' ? withNamePrefix(changed) : { ...changed, identity: undefined } };
    },

    async outcome(outcome) {
      const { message, jobId } = outcome;
      const meta = metaOf(message);
      if (!meta) return;
      const target = message.target;
      if (outcome.kind === 'held') {
        // Held for a quiet group's morning digest: the digest carries it, so it is not waiting in the queue any more.
        await jobs.settle(jobId, target);
        return;
      }
      if (outcome.kind === 'delivered') {
        const { result } = outcome;
        const now = new Date(deps.clock.now());
        if (meta.kind === 'send') {
          const via = viaOf(message);
          const fileOnly = new Set(result.fileOnlyIds ?? []);
          await repo.recordCopies(
            result.messageIds.map((messageId, part) => ({ messageId, canonicalId: meta.canonical, chatId: target, part, via, fileOnly: fileOnly.has(messageId) })),
            now,
          );
        } else if (meta.kind === 'edit' && result.messageIds.length > 0) {
          await repo.replaceCopies(meta.canonical, target, result.messageIds, viaOf(message), now);
        } else if (meta.kind === 'delete') {
          await repo.forgetCopies(meta.canonical, target);
        }
        await health.delivered(target, deps.clock.now());
        await jobs.settle(jobId, target);
        return;
      }
      const failures = await health.failed(target, outcome.reason, deps.clock.now());
      if (outcome.kind === 'failed') {
        await jobs.settle(jobId, target);
        await notify(meta.source, target, outcome.reason, 'failed', jobId);
      } else if (failures >= deps.noticeAfterFailures) {
        await notify(meta.source, target, outcome.reason, 'waiting', jobId);
      }
    },
  };
}
