// The WhatsApp Web session: creates the real whatsapp-web.js Client (LocalAuth + Debian's chromium), logs in by QR
// code or pairing code, and reconnects with exponential backoff after a disconnect.
//
// The saved session (LocalAuth's folder under <dataDir>/whatsapp) is never deleted here: whatever goes wrong, a
// failing session is reported by health() and logged at warn, and the operator decides. (whatsapp-web.js itself
// deletes it only when the phone unlinks the device, its 'LOGOUT' disconnect.)
import { join } from 'node:path';
import type pino from 'pino';
import QRCode from 'qrcode';
import qrcodeTerminal from 'qrcode-terminal';
import { createRequire } from 'node:module';
import type WaModule from 'whatsapp-web.js';
import type { ClientOptions } from 'whatsapp-web.js';
import type { WhatsAppClient, WhatsAppClientEvents, WhatsAppEventName } from './client.js';

export interface ClientSettings {
  dataDir: string;
  /** Debian's chromium by default; puppeteer's own download is disabled (.puppeteerrc.cjs). */
  chromiumPath?: string;
  /** Log in with a pairing code sent to this phone number (international, digits only) instead of a QR code. */
  pairingPhone?: string;
}

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep one headless chromium small and quiet on a server. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Loaded when a web client is built, not with this module: the session also serves the Baileys driver, which must not
// pay for the browser driver's code (puppeteer, about 35 MB).
const require = createRequire(import.meta.url);
function webDriver(): typeof WaModule {
  return require('whatsapp-web.js') as typeof WaModule;
}

export function whatsappSessionDir(dataDir: string): string {
  return join(dataDir, 'whatsapp');
}

export function buildClientOptions(settings: ClientSettings): ClientOptions {
  const options: ClientOptions = {
    authStrategy: new (webDriver().LocalAuth)({ dataPath: whatsappSessionDir(settings.dataDir) }),
    puppeteer: {
      executablePath: settings.chromiumPath ?? DEFAULT_CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
    },
  };
  // whatsapp-web.js calls requestPairingCode() itself, at the moment WhatsApp Web is ready to issue one, when this
  // option is set; the code then arrives as the 'code' event.
  if (settings.pairingPhone) options.pairWithPhoneNumber = { phoneNumber: settings.pairingPhone.replace(/[^0-9]/g, '') };
  return options;
}

export function createRealClient(settings: ClientSettings): WhatsAppClient {
  return new (webDriver().Client)(buildClientOptions(settings));
}

export interface SessionOptions {
  logger: pino.Logger;
  /** Where the QR code and pairing code are printed for the operator (the terminal); null to print nothing. */
  terminal?: { write(text: string): unknown } | null;
  /** Reconnect delays: initialMs, doubled after each failed attempt, capped at maxMs. */
  backoff?: { initialMs?: number; maxMs?: number };
}

type State = 'stopped' | 'starting' | 'waiting-for-login' | 'ready' | 'reconnecting' | 'logged-out';

export class WhatsAppSession {
  private state: State = 'stopped';
  private detail = 'not started';
  private latestQr: string | undefined;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly logger: pino.Logger;
  private readonly terminal: { write(text: string): unknown } | null;
  private readonly listeners: { [E in WhatsAppEventName]?: WhatsAppClientEvents[E] } = {};
  private readyCallbacks: (() => void)[] = [];

  constructor(
    readonly client: WhatsAppClient,
    options: SessionOptions,
  ) {
    this.logger = options.logger;
    this.terminal = options.terminal === undefined ? process.stdout : options.terminal;
    this.initialMs = options.backoff?.initialMs ?? 2_000;
    this.maxMs = options.backoff?.maxMs ?? 5 * 60_000;
  }

  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Our own account id (`…@c.us`), once logged in. */
  get ownId(): string | undefined {
    return this.client.info?.wid._serialized;
  }

  health(): { ok: boolean; detail?: string } {
    return this.state === 'ready' ? { ok: true } : { ok: false, detail: this.detail };
  }

  /** Called after each successful login (the first one and every reconnect). */
  onReady(callback: () => void): void {
    this.readyCallbacks.push(callback);
  }

  /** The QR code currently offered for login, as a PNG, for the HTTP server's /whatsapp/qr. */
  async qrPng(): Promise<Buffer | undefined> {
    return this.latestQr === undefined ? undefined : QRCode.toBuffer(this.latestQr, { type: 'png', margin: 2, scale: 6 });
  }

  /** Launches the browser. Resolves once it runs; login may follow much later (watch health() / onReady). */
  async start(): Promise<void> {
    if (this.state !== 'stopped') return;
    this.listen('qr', (qr) => this.onQr(qr));
    this.listen('code', (code) => this.onCode(code));
    this.listen('authenticated', () => this.logger.info('whatsapp session authenticated'));
    this.listen('auth_failure', (message) => this.onAuthFailure(message));
    this.listen('ready', () => this.onReadyEvent());
    this.listen('disconnected', (reason) => this.onDisconnected(reason));
    this.set('starting', 'starting the WhatsApp session');
    await this.launch();
  }

  async stop(): Promise<void> {
    this.set('stopped', 'stopped');
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    for (const [event, listener] of Object.entries(this.listeners)) {
      this.client.removeListener(event as WhatsAppEventName, listener as never);
    }
    try {
      await this.client.destroy();
    } catch (error) {
      this.logger.warn({ err: error }, 'whatsapp: closing the browser failed');
    }
  }

  private listen<E extends WhatsAppEventName>(event: E, listener: WhatsAppClientEvents[E]): void {
    (this.listeners as Record<string, unknown>)[event] = listener;
    this.client.on(event, listener);
  }

  private set(state: State, detail: string): void {
    this.state = state;
    this.detail = detail;
  }

  private async launch(): Promise<void> {
    try {
      await this.client.initialize();
    } catch (error) {
      if (this.state === 'stopped') return;
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ err: error }, 'whatsapp: the browser could not start');
      // initialize() can fail after the browser is up (WhatsApp Web unreachable): do not hold ~400 MB while waiting.
      await this.client.destroy().catch((closeError: unknown) => this.logger.debug({ err: closeError }, 'whatsapp: close failed'));
      this.scheduleReconnect(`browser failed to start: ${reason}`);
    }
  }

  private onQr(qr: string): void {
    this.latestQr = qr;
    this.set('waiting-for-login', 'waiting for the QR code to be scanned (terminal or /whatsapp/qr)');
    // The QR string is a login secret: shown to the operator on the terminal, never written to the logs.
    this.logger.info('whatsapp: scan the QR code shown in the terminal (or at /whatsapp/qr) with the phone');
    if (this.terminal) {
      const terminal = this.terminal;
      qrcodeTerminal.generate(qr, { small: true }, (drawing) => terminal.write(`${drawing}\n`));
    }
  }

  private onCode(code: string): void {
    this.set('waiting-for-login', 'waiting for the pairing code to be entered on the phone');
    this.logger.info('whatsapp: enter the pairing code shown in the terminal on the phone (Linked devices)');
    this.terminal?.write(`WhatsApp pairing code: ${code}\n`);
  }

  private onAuthFailure(message: string): void {
    // Kept on disk: a transient failure must not cost the operator a new QR scan.
    this.logger.warn({ reason: message }, 'whatsapp: restoring the saved session failed; the session folder is kept');
    this.set('waiting-for-login', `authentication failed: ${message}`);
  }

  private onReadyEvent(): void {
    this.latestQr = undefined;
    this.attempt = 0;
    this.set('ready', 'connected');
    this.logger.info('whatsapp session ready');
    for (const callback of this.readyCallbacks) callback();
  }

  private onDisconnected(reason: string): void {
    if (this.state === 'stopped') return;
    if (reason === 'LOGOUT') {
      // The phone unlinked this device. whatsapp-web.js shows a fresh QR code in the same browser by itself.
      this.logger.warn('whatsapp: the phone unlinked this session; a new QR code scan is needed');
      this.set('logged-out', 'logged out from the phone: scan the new QR code');
      return;
    }
    this.logger.warn({ reason }, 'whatsapp disconnected');
    this.scheduleReconnect(`disconnected (${reason})`);
  }

  private scheduleReconnect(why: string): void {
    if (this.state === 'stopped' || this.reconnectTimer) return;
    const delay = Math.min(this.initialMs * 2 ** this.attempt, this.maxMs);
    this.attempt += 1;
    this.set('reconnecting', `${why}; reconnecting in ${Math.round(delay / 1000)} s (attempt ${this.attempt})`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.reconnect();
    }, delay);
    this.reconnectTimer.unref?.();
  }

  private async reconnect(): Promise<void> {
    if (this.state === 'stopped') return;
    this.logger.info({ attempt: this.attempt }, 'whatsapp: reconnecting');
    try {
      // The Client closes its browser after 'disconnected' without waiting; make sure it is gone before relaunching.
      await this.client.destroy();
    } catch (error) {
      this.logger.debug({ err: error }, 'whatsapp: closing the old browser failed');
    }
    await this.launch();
  }
}
