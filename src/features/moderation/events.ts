// Moderation events: what a group's log chat receives. Features emit them through `services.moderationEvents` (an
// optional service: a deployment without moderation simply has none), and settings changes arrive by observing the
// audit log, so no feature imports moderation's internals.
import type { QualifiedId } from '../../core/envelope.js';

export const MODERATION_EVENT_KINDS = [
  'setting',
  'report-hidden',
  'report-decided',
  'quiet-delete',
  'mute',
  'unmute',
  'flood-mute',
  'verified',
  'removed',
  'alert-sent',
  'bridge-linked',
  'bridge-unlinked',
] as const;
export type ModerationEventKind = (typeof MODERATION_EVENT_KINDS)[number];

export interface ModerationEvent {
  /** Deterministic (`<envelope id>:quiet-delete`): an event emitted twice by a re-run is posted once. */
  id: string;
  groupId: QualifiedId;
  kind: ModerationEventKind;
  /**
   * The sentence's values (`name`, `member`, `until`...), each shown as given. Names of people, never their ids: the
   * log chat may be on another platform where an id means nothing.
   */
  params?: Record<string, string | number>;
  /** The people this event names, so /forgetme finds it while it waits to be posted. */
  people?: QualifiedId[];
}

/** What other features call. */
export interface ModerationEvents {
  emit(event: ModerationEvent): Promise<void>;
}
