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
import { AlertRepository } from './alerts/repository.js';
import { CommunityRepository } from './communities/repository.js';
import { BridgeService, type BridgeOptions } from './bridge/service.js';
import { bridgeStage } from './bridge/stage.js';
import { CodeAttempts, type AttemptLimits } from './codes/attempts.js';
import { CodeGrants } from './codes/grants.js';
import { AuditRepository } from './db/audit.js';
import type { Database } from './db/client.js';
import { DeliveryRepository } from './db/deliveries.js';
import { GroupRepository, type GroupDefaults } from './db/groups.js';
import { PeopleRepository } from './db/people.js';
import { FaqService } from './faq/service.js';
import { helpButtonStage } from './help/button-stage.js';
import { faqButtonStage } from './faq/button-stage.js';
import { HelpService, type HelpOptions } from './help/service.js';
import { faqAutoAnswer } from './faq/stage.js';
import { GroupRules } from './rules/service.js';
import { groupRulesStage } from './rules/stage.js';
import { matchLanguage, supportedLanguages, translate } from './i18n/index.js';
import { within } from './http.js';
import { createMetrics } from './metrics.js';
import { commandStage } from './pipeline/commands.js';
import type { CommandRateLimit } from './pipeline/rate-limit.js';
import { EventDedupe } from './pipeline/dedupe.js';
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

export interface AppOptions {
  db: Database;
  redis: Redis;
  /** Redis key prefix for every queue and key of this deployment. */
  prefix: string;
  adapters: PlatformAdapter[];
  commands: Command[];
  log: Logger;
  defaults: GroupDefaults;
  partitions: number;
  role: Role;
  clock?: Clock;
  hold?: HoldPolicy;
  deadlineMs?: number;
  deliveryConcurrency?: number;
  roleCacheMs?: number;
  /** Job locks and partition leases (defaults suit production; the chaos tests shorten them to recover faster). */
  locks?: { inboundMs?: number; deliveryMs?: number; lease?: Partial<LeaseOptions> };
  /** Help requests: expiry, reminder, spam guard, sweep interval (defaults in src/help/service.ts). */
  help?: Partial<HelpOptions>;
  /** Commands per person and chat: a token bucket (defaults in src/pipeline/rate-limit.ts). */
  commandRateLimit?: CommandRateLimit;
  /** Memory for bridged files, in bytes: per delivery job and for the whole process (defaults 100 MiB and 200 MiB). */
  fileBudget?: { perJobBytes?: number; workerBytes?: number };
  /** Bridges: message-map retention, join/leave notices, failure notice threshold (defaults in src/bridge/service.ts). */
  bridge?: Partial<BridgeOptions>;
  /** Wrong link and join codes allowed per chat and per person (default 5 in 10 minutes). */
  codeAttempts?: AttemptLimits;
  /** Feature stages, in pipeline order after the command stage (group rules go before commands via `beforeCommands`). */
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
    await mirror.write(chatId, await adapter!.roles.rolesIn!(chatId));
  };

  const groups = new GroupRepository(db.db);
  const deliveries = new DeliveryRepository(db.db);
  const inbound = new InboundQueue({ redis, prefix, partitions: options.partitions });
  // Group rules hold non-urgent traffic into quiet groups (Redis-kept morning digests) and enforce quiet hours.
  const rules = new GroupRules({ redis, prefix, clock, log, groups, translate, defaultLanguage: options.defaults.language });
  const outbox = new QueueOutbox({
    redis,
    prefix,
    clock,
    hold: options.hold ?? rules.hold,
    held: options.hold ? undefined : rules.held,
    pacing: (platform) => adapters.get(platform)?.pacing ?? { perChatIntervalMs: 0, globalIntervalMs: 0 },
  });
  const metrics = createMetrics(() => queues(), clock);

  // Every outbound message passes here, so the harness can wait for a command's replies.
  const observedOutbox = {
    enqueue: async (message: OutboundMessage) => {
      const outcome = await outbox.enqueue(message);
      events.emit('enqueued', message, deliveryJobId(message));
      return outcome;
    },
  };
  rules.useOutbox(observedOutbox);
  const bridge = new BridgeService({ db: db.db, redis, prefix, clock, outbox: observedOutbox, groups, translate, defaults: options.defaults, options: options.bridge });

  const services: Services = {
    db: db.db,
    redis,
    prefix,
    groups,
    audit: new AuditRepository(db.db),
    people: new PeopleRepository(db.db),
    deliveries,
    commands: new CommandRegistry(options.commands),
    roles,
    defaults: options.defaults,
    bridge,
    rules,
    faq: new FaqService({ db: db.db, redis, prefix }),
    communities: new CommunityRepository(db.db, (id) => groups.forgetCached(id)),
    alerts: new AlertRepository(db.db),
    deliveryQueue: (platform) => outbox.queue(platform),
    codeGrants: new CodeGrants({ redis, prefix, outbox: observedOutbox, groups, roles, translate, defaultLanguage: options.defaults.language }),
    codeAttempts: new CodeAttempts(redis, prefix, options.codeAttempts),
    help: new HelpService({ db: db.db, outbox: observedOutbox, translate, clock, log, groups, deliveries, communities: new CommunityRepository(db.db, (id) => groups.forgetCached(id)), defaults: options.defaults, options: options.help }),
  };
  services.faq.registerEraser(services.people);
  services.people.addEraser((tx, personId) => services.alerts.forget(tx, personId));
  services.help.registerEraser(services.people);
  // What waits in Redis: inbound batches, deliveries of every platform, held digests and per-person keys.
  services.people.addRedisEraser((subject) =>
    eraseFromRedis({ redis, prefix, queues: [...inbound.queues, ...[...adapters.keys()].map((p) => outbox.queue(p)), rules.held.queue] }, subject),
  );
  // A private notice to a help request's author that cannot be delivered becomes a mention in their group.
  events.on('failed', (jobId) => {
    services.help.deliveryFailed(jobId).catch((error: unknown) => log.error({ err: error, jobId }, 'help notice fallback failed'));
  });
  const deps: ContextDeps = { outbox: observedOutbox, roles, translate, matchLanguage, clock, log, services };

  const dedupe = new EventDedupe(redis, prefix, log);
  const pipeline: Pipeline = createPipeline({
    deps,
    deadlineMs: options.deadlineMs ?? 30_000,
    // The pipeline, in order. Each feature adds its stage on its own line here. (Duplicates are dropped before the
    // first stage, once per inbound job: see the inbound workers below.)
    stages: [
      loadGroup,
      groupRulesStage,
      ...(options.beforeCommands ?? []),
      commandStage({ command: (name, outcome) => metrics.commands.inc({ command: name, outcome }) }, { rateLimit: options.commandRateLimit }),
      helpButtonStage,
      faqButtonStage,
      faqAutoAnswer,
      bridgeStage(bridge),
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
      workers.push(rules.startWorker(observedOutbox));
      services.help.startSweeping();
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
          hooks: [bridge.deliveryHook, services.codeGrants.deliveryHook],
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
            missingPermission: (chatId, permission, job) => {
              rules.onMissingPermission(chatId, permission, job.message).catch((error: unknown) =>
                log.error({ err: error, chat: chatId }, 'quiet-hours delete refusal not handled'),
              );
            },
          },
        }),
      );
    }
    if (runsGateway) {
      const menu = commandMenu(options.commands);
      for (const adapter of options.adapters) {
        await adapter.start(sink, hooks);
        await adapter.registerCommands?.(menu).catch((error: unknown) =>
          log.warn({ err: error, platform: adapter.platform }, 'could not register the command menu'),
        );
        log.info({ platform: adapter.platform }, 'adapter started');
      }
    }
  }

  /** Stops receiving first, then lets workers finish their current job, then closes the queues. */
  async function stop(): Promise<void> {
    if (runsGateway) {
      for (const adapter of options.adapters) {
        await adapter.stop().catch((error: unknown) => log.warn({ err: error, platform: adapter.platform }, 'adapter stop failed'));
      }
    }
    await Promise.all(workers.map((worker) => worker.close()));
    await inbound.close();
    await outbox.close();
    await rules.close();
    services.help.stop();
    await roleChanges.close();
  }

  /** Resolves when no inbound or delivery job is waiting, active, or delayed to run within `horizonMs`. */
  async function idle(horizonMs = 0): Promise<boolean> {
    const queues = [...inbound.queues, ...[...adapters.keys()].map((p) => outbox.queue(p)), rules.held.queue];
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
      { name: rules.held.queue.name, queue: rules.held.queue as Queue },
    ];
  }

  return { start, stop, idle, health, queues, events, metrics, pipeline, services, outbox: observedOutbox, queueOutbox: outbox, inbound, sink, deps, fileBudgets };
}

export type App = Awaited<ReturnType<typeof createApp>>;
