// A capability of Quartier (quiet hours, the FAQ, help requests, bridges...) as one declared object. The app reads
// what each feature brings from the list in src/features/index.ts: its commands for the menus and /help, its stages
// for the pipeline, its services, its handlers of delivery outcomes, its scheduled work and its erasers for /forgetme.
// A feature's tables live in its folder's schema.ts and its sentences in its folder's locales/.
import type { Command } from './command.js';
import type { Stage } from './composer.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { Clock, Context, Outbox, Services, Translate } from './context.js';
import type { QualifiedId } from './envelope.js';
import type { DeliveryResult, OutboundMessage } from './outbound.js';

/** Where a stage runs: before the command stage (it may stop a message, as quiet hours do) or after it. */
export type Phase = 'before-commands' | 'after-commands';

export interface FeatureStage {
  phase: Phase;
  stage: Stage<Context>;
}

/**
 * What became of an outbound message whose origin names this feature. Each outcome is handled inside the delivery job
 * (or the enqueue that held it), before the job completes: a process that dies before the handler finishes leaves the
 * job to be run again, and the handler with it (the platform is not asked twice: the job's sent marker answers).
 * - delivered: posted (messageIds empty when a `prepare` skipped it);
 * - retrying: an attempt failed and another follows;
 * - failed: no attempt follows; `chatGone` when the bot can no longer post there, `missingPermission` when it lacks one,
 *   `unsupported` when the platform has no such thing (a member restriction on WhatsApp);
 * - held: kept for the target's morning digest (quiet hours) instead of being queued.
 */
export type DeliveryOutcome =
  | { kind: 'delivered'; message: OutboundMessage; jobId: string; result: DeliveryResult }
  | { kind: 'retrying'; message: OutboundMessage; jobId: string; reason: string }
  | { kind: 'failed'; message: OutboundMessage; jobId: string; reason: string; chatGone: boolean; missingPermission?: string; unsupported?: boolean }
  | { kind: 'held'; message: OutboundMessage; jobId: string };

export interface DeliveryHandlers {
  /**
   * Runs when the job has its turn (every earlier job of its chat settled), before sending: `skip` completes it with
   * nothing sent; `message` replaces what is sent (the bridge resolves which copy a relay edits here).
   */
  prepare?(message: OutboundMessage, jobId: string): Promise<{ skip?: string; message?: OutboundMessage } | undefined>;
  outcome?(outcome: DeliveryOutcome): Promise<void>;
}

/** A Node request handler, as the HTTP listeners take them. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Returns the time until which a non-urgent message to its target must wait (quiet hours), or undefined. */
export type HoldPolicy = (message: OutboundMessage, now: number) => Promise<number | undefined>;

/**
 * Where held messages wait instead of as delayed jobs of their own (a morning digest). keep() returns false when it
 * did not take the message (the digest already went): it is then sent normally.
 */
export interface HeldStore {
  keep(message: OutboundMessage, until: number, now: number): Promise<boolean>;
}

/** Work a feature runs on its own schedule in worker processes (an expiry sweep, the morning digests). */
export interface ScheduledWork {
  close(): Promise<void>;
}

/** Runs `work` every `intervalMs` (never when it is 0) until closed; a failed run is reported and the next one comes. */
export function repeatEvery(intervalMs: number, work: () => Promise<unknown>, onError: (error: unknown) => void): ScheduledWork {
  const timer = intervalMs > 0 ? setInterval(() => void work().catch(onError), intervalMs) : undefined;
  timer?.unref();
  return { close: async () => clearInterval(timer) };
}

/** What the app hands a feature to build its services: storage, the outbox, the clock and the shared repositories. */
export interface FeatureDeps {
  services: Services;
  outbox: Outbox;
  clock: Clock;
  translate: Translate;
  log: Logger;
  /** The app's options, where a feature finds its own (declared by merging into FeatureOptions). */
  options: FeatureOptions;
}

/**
 * Options a feature takes from the app (tests scale them down). Each feature adds its own member by declaration
 * merging, beside its code.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureOptions {}

/** Who /forgetme is forgetting, and where their traces can be recognised. */
export interface ErasureSubject {
  id: QualifiedId;
  /** Their name as last seen (the people row, or the command's sender). */
  name?: string;
  /** Chats that are theirs alone: the private chat with the bot on each platform they used. */
  privateChats: QualifiedId[];
  /**
   * A platform id distinctive enough to find inside other ids: WhatsApp message ids carry the sender's number
   * (`false_<group>_<msg>_<number>@c.us`). Undefined where ids carry no person (Telegram, Discord).
   */
  embeddedId?: string;
}

/**
 * Forgets one person's data inside the /forgetme transaction; returns how many records it removed or blanked.
 * `subject` says where else their traces are (ids that embed their number).
 */
export type PersonEraser = (tx: Services['db'], personId: QualifiedId, subject: ErasureSubject) => Promise<number>;

/** Runs after the /forgetme transaction has committed; returns how many records it removed. */
export type AfterErasure = (subject: ErasureSubject) => Promise<number>;

export interface Feature {
  /** Names the feature in an outbound message's origin and in logs: 1–32 of [a-z0-9-]. */
  name: string;
  /** In the order /help lists them. */
  commands?: Command[];
  /** In pipeline order within their phase; features' stages follow the order of the feature list. */
  stages?: FeatureStage[];
  /** Adds this feature's members to ctx.services; may use the members of features listed before it. */
  services?(deps: FeatureDeps): Partial<Services>;
  /** Handlers for the outcomes of outbound messages whose origin names this feature. */
  delivery?(services: Services): DeliveryHandlers;
  /**
   * Quiet hours: which outbound messages wait, and where (one feature at most holds traffic). Asked by the Outbox for
   * every non-urgent message.
   */
  hold?(services: Services): { policy: HoldPolicy; store: HeldStore };
  /** Started in worker processes once every feature's services exist; closed on shutdown. */
  scheduled?(services: Services): ScheduledWork;
  /** Run by /forgetme inside its transaction. */
  eraser?(services: Services): PersonEraser;
  /** Run by /forgetme once its transaction has committed: keys and caches that must not outlive what was erased. */
  afterErasure?(services: Services): AfterErasure;
  /** The feature's own queues: watched by /metrics and the queue dashboard, searched by /forgetme, awaited by idle(). */
  queues?(services: Services): Queue[];
  /**
   * Web pages and endpoints on the public listener, by path prefix (`/dashboard` serves every path under it). The
   * handler is a plain Node request handler.
   */
  http?(services: Services): Map<string, HttpHandler>;
  /** Releases what the services hold (queues, timers), in every process, after the workers have stopped. */
  close?(services: Services): Promise<void>;
}

/** The typed origin of an outbound message: which feature made it, and that feature's own reference to it. */
export function originOf<Ref extends Record<string, unknown>>(feature: Feature | string, ref: Ref): { feature: string; ref: Ref } {
  return { feature: typeof feature === 'string' ? feature : feature.name, ref };
}
