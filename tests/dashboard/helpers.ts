// The bot with its public listener (the dashboard under /dashboard) for the dashboard tests, and a small HTTP client
// that keeps a session cookie and the page's CSRF token as a browser would.
import { startPublicHttpServer, type Listener } from '../../src/http.js';
import { startTestApp, type TestAppOptions, type TestBot } from '../helpers/app.js';

export interface DashboardBot {
  bot: TestBot;
  base: string;
  stop(): Promise<void>;
}

export async function startDashboardBot(options: TestAppOptions = {}): Promise<DashboardBot> {
  let base = '';
  const bot = await startTestApp({ ...options, dashboard: { publicUrl: () => base, ...options.dashboard } });
  let listener: Listener | undefined;
  try {
    listener = await startPublicHttpServer({ host: '127.0.0.1', port: 0, routes: new Map(), mounts: bot.app.httpMounts() });
  } catch (error) {
    await bot.stop();
    throw error;
  }
  base = `http://127.0.0.1:${listener.port}`;
  return {
    bot,
    base,
    stop: async () => {
      await listener.close();
      await bot.stop();
    },
  };
}

/** `/dashboard` typed by `userKey` in `group` with `role`; returns the link the bot sent privately. */
export async function dashboardLink(bot: TestBot, group: string, userKey: string, role: 'member' | 'moderator' | 'admin'): Promise<string> {
  const before = bot.privateTo(userKey).length;
  await bot.chat(group, userKey, userKey).as(role).send('/dashboard');
  return bot.privateMatch(userKey, /(https?:\/\/\S+\/dashboard\/login\?t=[A-Za-z0-9_-]+)/, before);
}

export function tokenOf(link: string): string {
  return new URL(link).searchParams.get('t')!;
}

/** A browser's HTTP side: the session cookie it was given, the origin its pages come from. */
export class Client {
  cookie?: string;
  setCookie?: string;
  csrf?: string;

  constructor(
    readonly base: string,
    /** null: a request without an Origin header. */
    readonly origin: string | null = base,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.origin ? { origin: this.origin } : {}), ...extra };
  }

  async get(path: string): Promise<{ status: number; text: string; headers: Headers }> {
    const res = await fetch(`${this.base}${path}`, { headers: this.headers(), redirect: 'manual' });
    const text = await res.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (csrf) this.csrf = csrf;
    return { status: res.status, text, headers: res.headers };
  }

  /** A form POST; the CSRF token of the last page read is added unless `csrf` is given (or null for none). */
  async post(path: string, form: Record<string, string | string[]>, csrf: string | null | undefined = this.csrf): Promise<{ status: number; text: string; headers: Headers }> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    if (csrf) body.append('_csrf', csrf);
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      body,
      redirect: 'manual',
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      this.setCookie = setCookie;
      this.cookie = setCookie.split(';')[0];
    }
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  /** Opens a login link as a person would: the confirmation page, then its button. */
  async login(link: string): Promise<{ status: number; location: string | null }> {
    const path = link.slice(this.base.length);
    await this.get(path);
    const res = await this.post('/dashboard/login', { t: tokenOf(link) }, null);
    return { status: res.status, location: res.headers.get('location') };
  }
}

export function groupPage(groupKey: string, page: string): string {
  return `/dashboard/g/${encodeURIComponent(`console:${groupKey}`)}/${page}`;
}
