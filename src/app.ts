// Builds a running Quartier from its parts: storage, queues, pipeline, delivery workers and the adapters handed in.
// main.ts calls this with the adapters the settings ask for; the test harness calls it with stand-ins.
import { EventEmitter } from 'node:events';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AdapterHooks, CommandMenuEntry, PlatformAdapter } from './core/adapter.js';
import { CommandRegistry, formsOf, type Command } from './core/command.js';
import type { Stage } from './core/composer.js';
import type { Clock, Context, ContextDeps } from './core/context.js';
import { unqualify, type Platform, type QualifiedId } from './core/envelope.js';
import type { OutboundMessage } from './core/outbound.js';
import { AuditRepository } from './db/audit.js';
import type { Database } from './db/client.js';
import { DeliveryRepository } from './db/deliveries.js';
import { GroupRepository, type GroupDefaults } from './db/groups.js';
import { PeopleRepository } from './db/people.js';
import type { DeliveryHandlers, Feature, HttpHandler, FeatureDeps, FeatureOptions, Phase, ScheduledWork } from './core/feature.js';
import { FEATURES, commandsOf } from './features/index.js';
import { matchLanguage, supportedLanguages, translate } from './i18n/index.js';
import { within } from './http.js';
import { createMetrics } from './metrics.js';
import { commandStage } from './pipeline/commands.js';
import type { CommandRateLimit } from './pipeline/rate-limit.js';
import { EventDedupe } from './queue/dedupe.js';
import { loadGroup } from './pipeline/load-group.js';
import { createPipeline, type Pipeline } from './pipeline/run.js';
import { startDeliveryWorker } from './queue/delivery.js';
import { FileBudget, type FileBudgets } from './queue/files.js';
import { InboundQueue, startInboundWorkers } from './queue/inbound.js';
import type { LeaseOptions } from './queue/partitions.js';
import { QueueOutbox, deliveryJobId, type HoldPolicy } from './queue/outbox.js';
import { eraseFromRedis } from './queue/erase.js';
import { CachedRoleLookup, RoleChanges, RoleMirror } from './roles.js';
import type { Services } from './core/context.js';
import './services.js';

export type Role = 'all' | 'gateway' | 'worker';

/** How long stop() waits for a worker to finish its current jobs and close. */
const WORKER_CLOSE_MS = 5_000;

export interface AppOptions extends FeatureOptions {
  db: Database;
  redis: Redis;
  /** Redis key prefix for every queue and key of this deployment. */
  prefix: string;
  adapters: PlatformAdapter[];
  /** The capabilities to run (all of them by default; a test may start only those it needs). */
  features?: Feature[];
  log: Logger;
  defaults: GroupDefaults;
  partitions: number;
  role: Role;
  clock?: Clock;
  hold?: HoldPolicy;
  deadlineMs?: number;
  /** How long stop() waits for each worker to close (WORKER_CLOSE_MS; `npm start` gives it SHUTDOWN_TIMEOUT_MS). */
  workerCloseMs?: number;
  deliveryConcurrency?: number;
  roleCacheMs?: number;
  /** Job locks and partition leases (defaults suit production; the chaos tests shorten them to recover faster). */
  locks?: { inboundMs?: number; deliveryMs?: number; lease?: Partial<LeaseOptions> };
  /** Commands per person and chat: a token bucket (defaults in src/pipeline/rate-limit.ts). */
  commandRateLimit?: CommandRateLimit;
  /** Memory for bridged files, in bytes: per delivery job and for the whole process (defaults 100 MiB and 200 MiB). */
  fileBudget?: { perJobBytes?: number; workerBytes?: number };
  /** Extra stages for a test, at the end of each phase of the pipeline. */
  beforeCommands?: Stage<Context>[];
  afterCommands?: Stage<Context>[];
}

/** Events the harness and metrics listen to. */
export interface AppEvents {
  processed: [envelopeId: string];
  enqueued: [message: OutboundMessage, jobId: string];
  delivered: [jobId: string, messageIds: string[]];
  failed: [jobId: string, reason: string];
}

/** The stages of these features in one phase, in list order. */
function stagesIn(features: Feature[], phase: Phase): Stage<Context>[] {
  return features.flatMap((feature) => (feature.stages ?? []).filter((s) => s.phase === phase).map((s) => s.stage));
}

export function commandMenu(commands: Command[]): CommandMenuEntry[] {
  const languages = supportedLanguages();
  const describe = (key: string) => Object.fromEntries(languages.map((lang) => [lang, translate(lang, key)]));
  return commands.map((command) => {
    const args = (form: Command | NonNullable<Command['subcommands']>[number]) =>
      form.args.map((arg) => ({
        name: arg.name,
        required: !arg.optional,
        rest: arg.rest ?? false,
        choices: arg.choices,
        descriptions: describe(`args.${arg.name}`),
      }));
    const lowest = formsOf(command)
      .map(({ form }) => form.role)
      .sort((a, b) => ['member', 'moderator', 'admin'].indexOf(a) - ['member', 'moderator', 'admin'].indexOf(b))[0]!;
    return {
      name: command.name,
      role: lowest,
      descriptions: describe(`commands.${command.name}.description`),
      ...(command.messageMenu ? { messageMenu: describe(`commands.${command.name}.menu`) } : {}),
      args: args(command),
      subcommands: (command.subcommands ?? []).map((sub) => ({
        name: sub.name,
        role: sub.role,
        descriptions: describe(`commands.${command.name}.${sub.name}.description`),
        args: args(sub),
      })),
    };
  });
}

export async function createApp(options: AppOptions) {
  const { db, redis, prefix, log } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const events = new EventEmitter<AppEvents>();
  const adapters = new Map<Platform, PlatformAdapter>(options.adapters.map((a) => [a.platform, a]));
  const roles = new CachedRoleLookup(options.roleCacheMs ?? 60_000);
  const roleChanges = new RoleChanges(redis, prefix, roles, log);
  // A session-bound platform (WhatsApp) is asked in the gateway; a gateway with separate workers keeps a copy of each
  // chat's roles in Redis, which those workers read.
  const mirror = new RoleMirror(redis, prefix);
  const mirrored = (adapter: PlatformAdapter | undefined) => Boolean(adapter?.sendsFromGatewayOnly && adapter.roles.rolesIn);
  for (const adapter of options.adapters) {
    roles.register(adapter.platform, mirrored(adapter) && options.role === 'worker' ? mirror.lookup() : adapter.roles);
  }
  const refreshMirror = async (chatId: QualifiedId) => {
    const adapter = adapters.get(unqualify(chatId).platform);
    if (options.role !== 'gateway' || !mirrored(adapter)) return;
    await mirror.write(chatId, await adapter!.roles.rolesIn!(chatId), await adapter!.roles.missingRights?.(chatId));
  };

  const features = options.features ?? FEATURES;
  const commands = commandsOf(features);
  const audit = new AuditRepository(db.db, (error) => log.warn({ err: error }, 'audit listener failed'));
  const groups = new GroupRepository(db.db, audit);
  const deliveries = new DeliveryRepository(db.db);
  const inbound = new InboundQueue({ redis, prefix, partitions: options.partitions });
  // Quiet hours decide which messages wait for the morning; the feature that holds traffic is built after the Outbox
  // (it sends through it), so the Outbox asks it through these.
  let holding: ReturnType<NonNullable<Feature['hold']>> | undefined;
  const outbox = new QueueOutbox({
    redis,
    prefix,
    clock,
    hold: options.hold ?? (async (message, now) => holding?.policy(message, now)),
    held: options.hold ? undefined : { keep: async (message, until, now) => (holding ? holding.store.keep(message, until, now) : false) },
    pacing: (platform) => adapters.get(platform)?.pacing ?? { perChatIntervalMs: 0, globalIntervalMs: 0 },
  });
  const metrics = createMetrics(() => queues(), clock);

  // The delivery handlers of each feature, by the name an outbound message's origin gives.
  const handlers = new Map<string, DeliveryHandlers>();
  const handlersOf = (feature: string) => handlers.get(feature);

  // Every outbound message passes here: a held one's outcome goes to its feature, and the harness can wait for a
  // command's replies.
  const observedOutbox = {
    enqueue: async (message: OutboundMessage) => {
      const outcome = await outbox.enqueue(message);
      if (outcome === 'held' && message.origin) {
        await handlersOf(message.origin.feature)?.outcome?.({ kind: 'held', message, jobId: deliveryJobId(message) });
      }
      events.emit('enqueued', message, deliveryJobId(message));
      return outcome;
    },
  };

  // The shared services first; each feature then adds its own, in list order.
  const services = {
    db: db.db,
    redis,
    prefix,
    groups,
    audit,
    people: new PeopleRepository(db.db),
    deliveries,
    commands: new CommandRegistry(commands),
    roles,
    defaults: options.defaults,
    deliveryQueue: (platform: Platform) => outbox.queue(platform),
  } as Services;
  const featureDeps: FeatureDeps = { services, outbox: observedOutbox, clock, translate, log, options };
  for (const feature of features) Object.assign(services, feature.services?.(featureDeps));
  for (const feature of features) {
    const delivery = feature.delivery?.(services);
    if (delivery) handlers.set(feature.name, delivery);
    const eraser = feature.eraser?.(services);
    if (eraser) services.people.addEraser(eraser);
    const afterErasure = feature.afterErasure?.(services);
    if (afterErasure) services.people.addRedisEraser(afterErasure);
    holding ??= feature.hold?.(services);
  }
  const featureQueues = () => features.flatMap((feature) => feature.queues?.(services) ?? []);
  // What waits in Redis: inbound batches, deliveries of every platform, the features' queues (held digests) and
  // per-person keys.
  services.people.addRedisEraser((subject) =>
    eraseFromRedis({ redis, prefix, queues: [...inbound.queues, ...[...adapters.keys()].map((p) => outbox.queue(p)), ...featureQueues()] }, subject),
  );
  const deps: ContextDeps = { outbox: observedOutbox, roles, translate, matchLanguage, clock, log, services };

  const dedupe = new EventDedupe(redis, prefix, log);
  const pipeline: Pipeline = createPipeline({
    deps,
    deadlineMs: options.deadlineMs ?? 30_000,
    // The pipeline: the group loaded, then each feature's stages in list order around the command stage. (Duplicates
    // are dropped before the first stage, once per inbound job: see the inbound workers below.)
    stages: [
      loadGroup,
      ...stagesIn(features, 'before-commands'),
      ...(options.beforeCommands ?? []),
      commandStage({ command: (name, outcome) => metrics.commands.inc({ command: name, outcome }) }, { rateLimit: options.commandRateLimit }),
      ...stagesIn(features, 'after-commands'),
      ...(options.afterCommands ?? []),
    ],
    onStageError: (error) => {
      metrics.stageErrors.inc({ stage: error.stage });
      log.error({ err: error.cause, stage: error.stage, chat: error.chatId, event: error.eventId }, 'stage failed; contained');
    },
  });

  const hooks: AdapterHooks = {
    // Every process forgets the chat's cached roles; a mirrored chat is read again first, so workers find it current.
    rolesChanged: (chatId, userId) => {
      roles.invalidate(chatId, userId);
      refreshMirror(chatId)
        .catch((error: unknown) => log.warn({ err: error, chat: chatId }, 'roles mirror not refreshed'))
        .then(() => roleChanges.changed(chatId, userId))
        .catch((error: unknown) => log.warn({ err: error, chat: chatId }, 'role change not published'));
    },
    chatGone: async (chatId, reason) => {
      log.warn({ chat: chatId, reason }, 'group marked inactive');
      await groups.markInactive(chatId, reason);
    },
  };

  const workers: { close(): Promise<void> }[] = [];
  // One budget for the files of every delivery worker of this process.
  const fileBudgets: FileBudgets = {
    perJobBytes: options.fileBudget?.perJobBytes ?? 100 * 1024 * 1024,
    worker: new FileBudget(options.fileBudget?.workerBytes ?? 200 * 1024 * 1024),
  };
  const runsWorkers = options.role !== 'gateway';
  const runsGateway = options.role !== 'worker';

  const sink = async (envelope: Parameters<typeof inbound.sink>[0]) => {
    // A chat's roles are mirrored before its first message is accepted (a worker may need them for it), then kept
    // fresh in the background.
    if (options.role === 'gateway' && envelope.chat.type === 'group' && mirrored(adapters.get(envelope.platform)) && !mirror.fresh(envelope.chat.id)) {
      const refreshed = refreshMirror(envelope.chat.id).catch((error: unknown) => log.warn({ err: error, chat: envelope.chat.id }, 'roles mirror not refreshed'));
      if (!mirror.written(envelope.chat.id)) await refreshed;
    }
    await inbound.sink(envelope);
    metrics.messagesIn.inc({ platform: envelope.platform, kind: envelope.kind });
  };

  async function start(): Promise<void> {
    await roleChanges.start();
    if (runsWorkers) {
      workers.push(
        ...startInboundWorkers({
          redis,
          prefix,
          partitions: options.partitions,
          log,
          lockMs: options.locks?.inboundMs,
          lease: options.locks?.lease,
          // Duplicates are dropped for a whole inbound job at once, before its envelopes go through the stages.
          admit: dedupe.admit,
          process: async (envelope) => {
            await pipeline(envelope);
            dedupe.done(envelope.id);
            events.emit('processed', envelope.id);
          },
        }),
      );
      for (const feature of features) {
        const work: ScheduledWork | undefined = feature.scheduled?.(services);
        if (work) workers.push(work);
      }
    }
    for (const adapter of options.adapters) {
      // A session-bound platform (WhatsApp) sends from the process holding the session; REST platforms from workers.
      const sendsHere = adapter.sendsFromGatewayOnly ? runsGateway : runsWorkers;
      if (!sendsHere) continue;
      workers.push(
        startDeliveryWorker({
          adapter,
          redis,
          prefix,
          pacer: outbox.chatPacer,
          lanes: outbox.lanes,
          handlers: handlersOf,
          // A session-bound platform (WhatsApp) can only fetch its files where its session runs: elsewhere its files
          // become their notices rather than retrying against a session this process does not have.
          fileSources: (platform) => {
            const source = adapters.get(platform);
            return source?.sendsFromGatewayOnly && !runsGateway ? undefined : source;
          },
          fileBudgets,
          deliveries,
          log: log.child({ platform: adapter.platform }),
          concurrency: options.deliveryConcurrency,
          lockMs: options.locks?.deliveryMs,
          events: {
            delivered: (platform, job, result) => {
              metrics.deliveries.inc({ platform, outcome: 'delivered' });
              metrics.deliveryLatency.observe({ platform }, Math.max(0, clock.now() - job.enqueuedAt) / 1000);
              events.emit('delivered', deliveryJobId(job.message), result.messageIds);
            },
            failed: (platform, job, reason) => {
              metrics.deliveries.inc({ platform, outcome: 'failed' });
              events.emit('failed', deliveryJobId(job.message), reason);
            },
            rateLimited: (platform) => metrics.rateLimited.inc({ platform }),
            retrying: (platform) => metrics.deliveryRetries.inc({ platform }),
            chatGone: hooks.chatGone,
          },
        }),
      );
    }
    // Every process enqueues (replies, relays, alerts): each platform's queue is ready before the first message, so a
    // fan-out's first sends do not wait for the queue to be set up.
    await Promise.all(options.adapters.map((adapter) => outbox.queue(adapter.platform).waitUntilReady()));
    if (runsGateway) {
      const menu = commandMenu(commands);
      for (const adapter of options.adapters) {
        await adapter.start(sink, hooks);
        await adapter.registerCommands?.(menu).catch((error: unknown) =>
          log.warn({ err: error, platform: adapter.platform }, 'could not register the command menu'),
        );
        log.info({ platform: adapter.platform }, 'adapter started');
      }
    }
  }

  /**
   * Stops receiving first, then lets workers finish their current job, then closes the queues. A worker gets
   * WORKER_CLOSE_MS to close: one whose Redis connection is reconnecting at that moment (Redis just came back) waits
   * for an event ioredis never sends and would never finish (bullmq#4656); past the time, its jobs are left to their
   * retries, as at the process's shutdown deadline.
   */
  async function stop(): Promise<void> {
    if (runsGateway) {
      for (const adapter of options.adapters) {
        await adapter.stop().catch((error: unknown) => log.warn({ err: error, platform: adapter.platform }, 'adapter stop failed'));
      }
    }
    await Promise.all(
      workers.map(async (worker) => {
        const closed = await within(worker.close().then(() => true), options.workerCloseMs ?? WORKER_CLOSE_MS, () => false);
        if (!closed) log.warn({ waitedMs: options.workerCloseMs ?? WORKER_CLOSE_MS }, 'a worker did not close in time; its jobs are left to their retries');
      }),
    );
    await inbound.close();
    await outbox.close();
    for (const feature of features) await feature.close?.(services);
    await roleChanges.close();
  }

  /** Resolves when no inbound or delivery job is waiting, active, or delayed to run within `horizonMs`. */
  async function idle(horizonMs = 0): Promise<boolean> {
    const queues = [...inbound.queues, ...[...adapters.keys()].map((p) => outbox.queue(p)), ...featureQueues()];
    for (const queue of queues) {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      if (Object.values(counts).some((n) => n > 0)) return false;
      if (horizonMs > 0) {
        const delayed = await queue.getDelayed(0, 0);
        if (delayed[0] && delayed[0].timestamp + (delayed[0].delay ?? 0) <= Date.now() + horizonMs) return false;
      }
    }
    return true;
  }

  /**
   * Readiness: Redis, the database and each platform, checked side by side, each given `checkMs` (a Redis or database
   * that does not answer must not hold the answer up: /readyz answers within a second whatever is down).
   */
  async function health(checkMs = 400) {
    const timedOut = () => ({ ok: false, detail: `no answer within ${checkMs} ms` });
    const check = (probe: () => Promise<string | undefined>) =>
      within(
        probe().then(
          (detail) => ({ ok: true, ...(detail ? { detail } : {}) }),
          (error: unknown) => ({ ok: false, detail: String(error) }),
        ),
        checkMs,
        timedOut,
      );
    const [redisCheck, databaseCheck] = await Promise.all([
      check(async () => void (await redis.ping())),
      check(async () => (await db.ping(), db.kind)),
    ]);
    const checks: Record<string, { ok: boolean; detail?: string }> = { redis: redisCheck, database: databaseCheck };
    for (const adapter of options.adapters) checks[adapter.platform] = adapter.health?.() ?? { ok: true };
    return { ok: Object.values(checks).every((c) => c.ok), checks };
  }

  /** Every BullMQ queue this process uses, by the name the dashboard and /metrics show. */
  function queues(): { name: string; queue: Queue }[] {
    return [
      ...inbound.queues.map((queue) => ({ name: 'inbound', queue: queue as Queue })),
      ...[...adapters.keys()].map((platform) => ({ name: `deliver-${platform}`, queue: outbox.queue(platform) as Queue })),
      ...featureQueues().map((queue) => ({ name: queue.name, queue })),
    ];
  }

  /** The features' web pages for the public listener, by path prefix. */
  function httpMounts(): Map<string, HttpHandler> {
    return new Map(features.flatMap((feature) => [...(feature.http?.(services) ?? [])]));
  }

  return { start, stop, idle, health, queues, httpMounts, events, metrics, pipeline, services, outbox: observedOutbox, queueOutbox: outbox, inbound, sink, deps, fileBudgets };
}

export type App = Awaited<ReturnType<typeof createApp>>;
