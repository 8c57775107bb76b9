// Wiring: settings → logger → Redis and the database → adapters → the app → HTTP. Also the only file in src/ that
// imports adapters and commands. Shutdown closes in the reverse order: stop receiving, finish jobs, close connections.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { ConsoleAdapter } from '../adapters/console/index.js';
import { startRepl } from '../adapters/console/repl.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { PlatformAdapter } from './core/adapter.js';
import type { WhatsAppClientFactory } from '../adapters/whatsapp/driver.js';
import { openDatabase } from './db/client.js';
import { queueDashboard } from './dashboard.js';
import { PID_FILE, runningBot } from './ops/backup.js';
import { startAdminHttpServer, startPublicHttpServer, type RouteHandler } from './http.js';
import { createLogger, redactSecrets, secretsOfSettings } from './logger.js';
import { connectRedis, startEmbeddedRedis, type EmbeddedRedis } from './queue/redis.js';

interface Platforms {
  adapters: PlatformAdapter[];
  /** Routes the platforms must reach (the public listener). */
  routes: Map<string, RouteHandler>;
  /** Routes for the operator only (the admin listener). */
  adminRoutes: Map<string, RouteHandler>;
  console?: ConsoleAdapter;
}

async function buildAdapters(config: Config, log: Logger, dataDir: string, whatsappDriver?: WhatsAppClientFactory): Promise<Platforms> {
  const adapters: PlatformAdapter[] = [];
  const routes = new Map<string, RouteHandler>();
  const adminRoutes = new Map<string, RouteHandler>();
  // A platform whose token is absent is simply not started, nor even loaded: each client library costs memory
  // (whatsapp-web.js brings puppeteer), so only the configured ones are imported.
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramAdapter } = await import('../adapters/telegram/index.js');
    const telegram = createTelegramAdapter({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      webhook:
        config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
          ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET }
          : undefined,
      logger: log,
    });
    adapters.push(telegram);
    routes.set('/telegram/webhook', (req, res) => telegram.handleWebhook(req, res));
  }
  if (config.DISCORD_BOT_TOKEN) {
    const { createDiscordAdapter } = await import('../adapters/discord/index.js');
    adapters.push(createDiscordAdapter({ token: config.DISCORD_BOT_TOKEN, apiUrl: config.DISCORD_API_URL, logger: log, memberEvents: config.DISCORD_MEMBER_EVENTS }));
  }
  if (whatsappDriver) {
    const { createWhatsAppAdapter } = await import('../adapters/whatsapp/index.js');
    const settings = { dataDir, chromiumPath: config.CHROMIUM_PATH, pairingPhone: config.WHATSAPP_PAIRING_PHONE, logger: log };
    const client = await whatsappDriver(settings);
    const whatsapp = createWhatsAppAdapter({ ...settings, client });
    adapters.push(whatsapp);
    // Whoever reaches the QR page while the session waits for a login can link their own account as the bot.
    adminRoutes.set('/whatsapp/qr', async (_req, res) => {
      const png = await whatsapp.qrPng();
      if (!png) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('No QR code to scan: the session is logged in, or not started yet.');
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(png);
    });
  }
  // With no platform at all, the console stands in (CONSOLE=on adds it beside real platforms).
  const wantConsole = config.CONSOLE === 'on' || (config.CONSOLE === 'auto' && adapters.length === 0);
  const consoleAdapter = wantConsole ? new ConsoleAdapter() : undefined;
  if (consoleAdapter) adapters.push(consoleAdapter);
  return { adapters, routes, adminRoutes, console: consoleAdapter };
}

/**
 * Reads `.env` from the working directory when there is one. Variables already in the environment keep their value
 * (process.loadEnvFile never overwrites), so an exported setting wins over the file.
 */
function loadDotEnv(): string | undefined {
  const file = path.resolve('.env');
  if (!existsSync(file)) return undefined;
  process.loadEnvFile(file);
  return file;
}

async function main(): Promise<void> {
  let config: Config;
  let envFile: string | undefined;
  try {
    envFile = loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n${envFile ? `(settings read from the environment and ${envFile})\n` : ''}`);
      process.exit(2);
    }
    throw error;
  }
  // Every token, secret and URL password of the settings is removed from whatever is logged.
  const log = createLogger(config.LOG_LEVEL, { secrets: secretsOfSettings(config) });
  // The WhatsApp driver's library loads before anything is opened or written: an optional driver that is not installed
  // stops the start here, with how to install it.
  const whatsappDriver = config.WHATSAPP_ENABLED
    ? await (await import('../adapters/whatsapp/driver.js')).loadWhatsAppDriver(config.WHATSAPP_DRIVER)
    : undefined;
  const dataDir = path.resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  // Embedded storage belongs to one process: a second bot on the same DATA_DIR would corrupt PGlite's files, and the
  // backup and restore commands must know whether the bot runs.
  const embeddedStorage = !config.DATABASE_URL || !config.REDIS_URL;
  const pidFile = path.join(dataDir, PID_FILE);
  if (embeddedStorage) {
    const other = runningBot(dataDir);
    if (other !== undefined) throw new Error(`another Quartier (pid ${other}) runs on ${dataDir}`);
    writeFileSync(pidFile, `${process.pid}\n`);
  }

  let embedded: EmbeddedRedis | undefined;
  const redisUrl = config.REDIS_URL ?? (embedded = await startEmbeddedRedis({ dir: path.join(dataDir, 'redis'), persistent: true, log, appendFsync: config.REDIS_APPENDFSYNC })).url;
  const redis = connectRedis(redisUrl);
  redis.on('error', (error) => log.warn({ err: error }, 'redis connection error'));
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir });
  log.info({ database: db.kind, redis: embedded ? 'embedded' : 'external' }, 'storage ready');

  const platforms = await buildAdapters(config, log, dataDir, whatsappDriver);
  const app = await createApp({
    db,
    redis,
    prefix: 'quartier',
    adapters: platforms.adapters,
    log,
    defaults: { language: config.DEFAULT_LANGUAGE!, timezone: config.DEFAULT_TIMEZONE! },
    partitions: config.INBOUND_PARTITIONS,
    role: config.ROLE,
    bridge: { retentionDays: config.BRIDGE_RETENTION_DAYS, joinLeaveNotices: config.BRIDGE_JOIN_LEAVE_NOTICES },
    events: { publicUrl: config.PUBLIC_URL },
    dashboard: { publicUrl: config.PUBLIC_URL, secret: config.DASHBOARD_SECRET, dataDir },
    fileBudget: { perJobBytes: config.FILE_JOB_BUDGET_MB * 1024 * 1024, workerBytes: config.FILE_WORKER_BUDGET_MB * 1024 * 1024 },
    // The process's own shutdown deadline governs: workers may use all of it to finish their jobs.
    workerCloseMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  await app.start();
  const http = await startPublicHttpServer({ port: config.HTTP_PORT, routes: platforms.routes, mounts: app.httpMounts() });
  const admin = await startAdminHttpServer({
    host: config.ADMIN_HTTP_HOST!,
    port: config.ADMIN_HTTP_PORT,
    token: config.ADMIN_TOKEN,
    readiness: () => app.health(),
    metrics: async () => ({ contentType: app.metrics.registry.contentType, body: await app.metrics.registry.metrics() }),
    routes: platforms.adminRoutes,
    mounts: new Map([['/queues', queueDashboard('/queues', app.queues)]]),
  });
  log.info(
    { port: http.port, admin: `${config.ADMIN_HTTP_HOST}:${admin.port}`, role: config.ROLE },
    'Quartier is running',
  );

  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) =>
    (stopping ??= (async () => {
      log.info({ reason, deadlineMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down');
      // A job that hangs (a platform that never answers, a Redis that stopped answering) must not keep the process
      // alive: past the deadline it exits, and what was in flight goes back to its queue once its lock lapses.
      setTimeout(() => {
        log.warn({ reason, deadlineMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown deadline passed; work in flight is left to its retries');
        void embedded?.stop();
        log.flush?.();
        process.exit(1);
      }, config.SHUTDOWN_TIMEOUT_MS).unref();
      stopRepl?.();
      await app.stop();
      await http.close();
      await admin.close();
      await redis.quit().catch(() => redis.disconnect());
      await db.close();
      await embedded?.stop();
      if (embeddedStorage) rmSync(pidFile, { force: true });
      log.info('stopped');
    })());

  let stopRepl: (() => void) | undefined;
  if (platforms.console) {
    stopRepl = startRepl({
      adapter: platforms.console,
      input: process.stdin,
      output: process.stdout,
      settle: async () => {
        // Idle twice in a row: the answer to a line is enqueued before its inbound job completes.
        for (let quiet = 0; quiet < 2; ) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          quiet = (await app.idle(1000)) ? quiet + 1 : 0;
        }
      },
      onEnd: () => void shutdown('end of input').then(() => process.exit(0)),
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown(signal).then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Quartier could not start: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
