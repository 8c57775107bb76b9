// Who else could use the dashboard: a stranger with an old or a used link, a member whose link outlived their role,
// another site posting forms, a session of one group reaching for another, someone hammering the login.
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/features/dashboard/web/app.js';
import { Client, dashboardLink, groupPage, startDashboardBot, tokenOf, type DashboardBot } from './helpers.js';

let running: DashboardBot | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const settingsForm = (overrides: Record<string, string | string[]> = {}) => ({
  language: 'en',
  timezone: 'Europe/Paris',
  rules: '',
  quiet_on: 'on',
  quiet_start: '22:00',
  quiet_end: '07:00',
  quiet_days: ['0', '1', '2', '3', '4', '5', '6'],
  quiet_mode: 'remind',
  flood_messages: '10',
  flood_seconds: '30',
  ...overrides,
});

describe('dashboard login links', () => {
  it('work once: the second use of a link is refused', async () => {
    running = await startDashboardBot();
    const link = await dashboardLink(running.bot, 'lilas', 'ada', 'admin');
    const first = new Client(running.base);
    expect((await first.login(link)).status).toBe(303);
    const second = new Client(running.base);
    const again = await second.login(link);
    expect(again.status).toBe(410);
    expect(second.cookie).toBeUndefined();
  });

  it('expire after ten minutes', async () => {
    let now = Date.now();
    running = await startDashboardBot({ clock: { now: () => now } });
    const link = await dashboardLink(running.bot, 'lilas', 'ada', 'admin');
    now += 10 * 60_000 + 1;
    const client = new Client(running.base);
    expect((await client.login(link)).status).toBe(410);
    expect(client.cookie).toBeUndefined();
  });

  it('are not given to members, and a link whose holder lost the role opens nothing', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    const [refusal] = await bot.chat('lilas', 'bob', 'bob').as('member').send('/dashboard');
    expect(refusal!.text).not.toMatch(/dashboard\/login/);
    expect(bot.privateTo('bob')).toHaveLength(0);

    const link = await dashboardLink(bot, 'lilas', 'cleo', 'moderator');
    bot.console.setRole('lilas', 'cleo', 'member');
    const client = new Client(running.base);
    expect((await client.login(link)).status).toBe(403);
    expect(client.cookie).toBeUndefined();
  });

  it('never come back in a group: the link is sent privately', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    await dashboardLink(bot, 'lilas', 'ada', 'admin');
    expect(bot.chat('lilas').delivered.some((d) => /dashboard\/login/.test(d.text))).toBe(false);
  });

  it('are rate-limited per address', async () => {
    running = await startDashboardBot({ dashboard: { loginLimits: { perAddress: 3, overall: 100, windowMs: 60_000 } } });
    const client = new Client(running.base);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.get(`/dashboard/login?t=${'x'.repeat(43)}`)).status);
    expect(statuses).toEqual([410, 410, 410, 429, 429]);
    // A real link is refused too while the address is limited.
    const link = await dashboardLink(running.bot, 'lilas', 'ada', 'admin');
    expect((await client.post('/dashboard/login', { t: tokenOf(link) }, null)).status).toBe(429);
  });
});

describe('dashboard sessions', () => {
  it('set a cookie that scripts cannot read, sent only over HTTPS and only by this site', async () => {
    running = await startDashboardBot();
    const client = new Client(running.base);
    const login = await client.login(await dashboardLink(running.bot, 'lilas', 'ada', 'admin'));
    expect(login.location).toBe(groupPage('lilas', 'settings'));
    const flags = client.setCookie!.split(';').map((part) => part.trim().toLowerCase());
    expect(client.setCookie).toMatch(/^__Host-quartier-dashboard=/);
    expect(flags).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/']));
    expect(flags.some((f) => f.startsWith('domain='))).toBe(false);
  });

  it('refuse a forged or tampered cookie', async () => {
    running = await startDashboardBot();
    const client = new Client(running.base);
    await client.login(await dashboardLink(running.bot, 'lilas', 'ada', 'admin'));
    const [name, value] = client.cookie!.split('=');
    const [id, mac] = value!.split('.');
    client.cookie = `${name}=${id}.${mac!.slice(0, -2)}AA`;
    expect((await client.get(groupPage('lilas', 'settings'))).status).toBe(401);
  });

  it('refuse a cross-site POST: without the token, with a wrong token, from another origin', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    const client = new Client(running.base);
    await client.login(await dashboardLink(bot, 'lilas', 'ada', 'admin'));
    await client.get(groupPage('lilas', 'settings'));
    expect((await client.post(groupPage('lilas', 'settings'), settingsForm(), null)).status).toBe(403);
    expect((await client.post(groupPage('lilas', 'settings'), settingsForm(), 'A'.repeat(43))).status).toBe(403);
    const elsewhere = new Client(running.base, 'https://evil.example');
    elsewhere.cookie = client.cookie;
    expect((await elsewhere.post(groupPage('lilas', 'settings'), settingsForm(), client.csrf)).status).toBe(403);
    const noOrigin = new Client(running.base, null);
    noOrigin.cookie = client.cookie;
    expect((await noOrigin.post(groupPage('lilas', 'settings'), settingsForm(), client.csrf)).status).toBe(403);
    // Nothing changed, nothing audited.
    expect(await bot.app.services.audit.latest('console:lilas')).toEqual([]);
    // The same form from the page itself goes through.
    expect((await client.post(groupPage('lilas', 'settings'), settingsForm())).status).toBe(200);
    expect((await bot.app.services.audit.latest('console:lilas')).map((e) => e.action)).toEqual(['dashboard:quiet']);
  });

  it('of group A can neither read nor change group B', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    bot.chat('jasmin', 'ada', 'ada').as('admin');
    await bot.chat('jasmin', 'zoe', 'zoe').as('admin').send('/rules');
    const client = new Client(running.base);
    await client.login(await dashboardLink(bot, 'lilas', 'ada', 'admin'));
    await client.get(groupPage('lilas', 'settings'));
    for (const page of ['settings', 'faq', 'requests', 'alerts', 'audit']) {
      const res = await client.get(groupPage('jasmin', page));
      expect(res.status, page).toBe(404);
    }
    expect((await client.post(groupPage('jasmin', 'settings'), settingsForm())).status).toBe(404);
    expect((await client.post(groupPage('jasmin', 'faq') + '/add', { lang: 'en', question: 'q', answer: 'a' })).status).toBe(404);
    expect(await bot.app.services.audit.latest('console:jasmin')).toEqual([]);
  });

  it('re-check the role with the platform at every change: a demoted moderator changes nothing', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    const client = new Client(running.base);
    await client.login(await dashboardLink(bot, 'lilas', 'cleo', 'admin'));
    await client.get(groupPage('lilas', 'settings'));
    // The role answer is cached for a minute; the change asks the platform again.
    bot.console.setRole('lilas', 'cleo', 'moderator');
    expect((await client.post(groupPage('lilas', 'settings'), settingsForm())).status).toBe(403);
    bot.console.setRole('lilas', 'cleo', 'member');
    expect((await client.post(groupPage('lilas', 'faq') + '/add', { lang: 'en', question: 'Bins?', answer: 'Tuesday' })).status).toBe(403);
    // No longer a moderator: the group has left the session, every later change is refused before it is read.
    expect((await client.post(groupPage('lilas', 'alerts'), { text: 'Water cut', nonce: 'n'.repeat(20) })).status).toBe(404);
    expect((await client.post(groupPage('lilas', 'requests') + '/remove', { number: '1' })).status).toBe(404);
    expect(await bot.app.services.audit.latest('console:lilas')).toEqual([]);
    expect(await bot.app.services.faq.index({ groupId: 'console:lilas', communityId: null }).then((i) => i.entries())).toEqual([]);
    // Even reading is refused now.
    expect((await client.get(groupPage('lilas', 'settings'))).status).toBe(404);
  });

  it('refuse a form larger than any real one before reading it', async () => {
    running = await startDashboardBot();
    const client = new Client(running.base);
    await client.login(await dashboardLink(running.bot, 'lilas', 'ada', 'admin'));
    await client.get(groupPage('lilas', 'settings'));
    const res = await client.post(groupPage('lilas', 'settings'), { rules: 'x'.repeat(200 * 1024) });
    expect(res.status).toBe(413);
    expect(await running.bot.app.services.audit.latest('console:lilas')).toEqual([]);
  });

  it('end when the person asks Quartier to forget them, and so do their unused links', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    const client = new Client(running.base);
    await client.login(await dashboardLink(bot, 'lilas', 'ada', 'admin'));
    const unused = await dashboardLink(bot, 'lilas', 'ada', 'admin');
    expect((await client.get('/dashboard')).status).toBe(200);
    await bot.chat('lilas', 'ada', 'ada').send('/forgetme');
    expect((await client.get('/dashboard')).status).toBe(401);
    expect((await new Client(running.base).login(unused)).status).toBe(410);
  });

  it('end at sign-out', async () => {
    running = await startDashboardBot();
    const client = new Client(running.base);
    await client.login(await dashboardLink(running.bot, 'lilas', 'ada', 'admin'));
    await client.get('/dashboard');
    const cookie = client.cookie;
    expect((await client.post('/dashboard/logout', {})).status).toBe(200);
    client.cookie = cookie;
    expect((await client.get('/dashboard')).status).toBe(401);
  });
});

describe('dashboard pages', () => {
  it('load nothing from another site: a strict Content-Security-Policy on every answer and no external URL', async () => {
    running = await startDashboardBot();
    const client = new Client(running.base);
    const loginPage = await client.get(`/dashboard/login?t=${'x'.repeat(43)}`);
    expect(loginPage.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    await client.login(await dashboardLink(running.bot, 'lilas', 'ada', 'admin'));
    for (const path of ['/dashboard', ...['settings', 'faq', 'requests', 'alerts', 'audit'].map((p) => groupPage('lilas', p))]) {
      const page = await client.get(path);
      expect(page.status, path).toBe(200);
      expect(page.text.startsWith('<!doctype html>'), path).toBe(true);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:|unsafe-inline|unsafe-eval|\*/);
      // Every src and href of the page is a path on this site.
      const urls = [...page.text.matchAll(/(?:src|href|action)="([^"]*)"/g)].map((m) => m[1]!);
      expect(urls.filter((u) => !u.startsWith('/dashboard') && !u.startsWith('#')), path).toEqual([]);
      expect(page.text).not.toMatch(/<script>|\sstyle="|\son[a-z]+="/);
    }
  });
});
