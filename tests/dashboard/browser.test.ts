// The dashboard in a real browser (Debian's Chromium, driven by playwright-core): logging in by the link, changing
// quiet hours and reaching the save button by keyboard alone, receipts that fill in while the page stays open, and
// the Arabic pages right to left. Few tests, one browser: they are heavy on a small machine.
// DASHBOARD_SCREENSHOTS=<folder> also saves a screenshot of each main page in English and in Arabic (for the README).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { consoleCommunity } from '../alerts/helpers.js';
import { dashboardLink, groupPage, startDashboardBot, type DashboardBot } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`dashboard browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
const screenshots = process.env.DASHBOARD_SCREENSHOTS;

let browser: Browser | undefined;
let running: DashboardBot | undefined;

beforeAll(async () => {
  if (!available) return;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function openSession(d: DashboardBot, group: string, user: string, role: 'moderator' | 'admin'): Promise<Page> {
  const link = await dashboardLink(d.bot, group, user, role);
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const page = await context.newPage();
  // Anything the page asks of another origin fails the test.
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(d.base)) elsewhere.push(request.url());
  });
  page.on('close', () => expect(elsewhere).toEqual([]));
  await page.goto(link);
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await page.waitForURL(`${d.base}${groupPage(group, 'settings')}`);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** With DASHBOARD_SCREENSHOTS set: each main page of `group`, in the page's current language. */
async function shootAll(page: Page, base: string, group: string, language: string): Promise<void> {
  if (!screenshots) return;
  for (const [name, url] of [
    ['community', '/dashboard'],
    ['settings', groupPage(group, 'settings')],
    ['faq', groupPage(group, 'faq')],
    ['requests', groupPage(group, 'requests')],
    ['alerts', groupPage(group, 'alerts')],
    ['audit', groupPage(group, 'audit')],
  ] as const) {
    await page.goto(`${base}${url}`);
    await shoot(page, `${name}-${language}`);
  }
}

describe.skipIf(!available)('the dashboard in Chromium', () => {
  it('logs in by the link once, and a keyboard alone changes quiet hours that /quiet then shows, audited', async () => {
    running = await startDashboardBot();
    const { bot, base } = running;
    const page = await openSession(running, 'lilas', 'ada', 'admin');
    await page.check('input[name=quiet_on]');
    await page.fill('#quiet_start', '23:30');
    await page.fill('#quiet_end', '06:15');
    // From the top of the page, Tab alone reaches the save button, and Enter saves.
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 150 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate('document.activeElement && document.activeElement.id')) === 'save';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/Saved: one change/);

    const [quiet] = await bot.chat('lilas', 'bob').send('/quiet');
    expect(quiet!.text).toMatch(/23:30.*06:15/s);
    const audit = await bot.app.services.audit.latest('console:lilas');
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([['dashboard:quiet', 'console:ada']]);
    await page.goto(`${base}${groupPage('lilas', 'audit')}`);
    await expect.poll(() => page.locator('#audit').textContent()).toMatch(/ada.*dashboard:quiet.*23:30-06:15/s);

    // The same link, opened again (another browser, or a link preview that got it first), opens nothing.
    const link = bot.privateTo('ada').map((r) => /(http\S+)/.exec(r.text)?.[1]).find(Boolean)!;
    const other = await browser!.newPage();
    await other.goto(link);
    expect(await other.locator('main').textContent()).toMatch(/expired or was already used/);
    await other.close();
    await page.context().close();
  });

  it('fills in an alert’s receipts while the page stays open', async () => {
    running = await startDashboardBot();
    const { bot, base } = running;
    await consoleCommunity(bot, 'lilas', ['nord', 'gare']);
    // Deliveries of alerts wait at a gate the test opens, so the page first shows them on the way.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const send = bot.console.send.bind(bot.console);
    bot.console.send = async (message: OutboundMessage) => {
      if (message.id.startsWith('alert:')) await gate;
      return send(message);
    };
    const page = await openSession(running, 'lilas', 'mo', 'moderator');
    await page.goto(`${base}${groupPage('lilas', 'alerts')}`);
    await page.fill('#alert-text', 'Water cut on rue des Lilas until 18:00');
    await page.click('#send-alert');
    await page.waitForURL(`${base}${groupPage('lilas', 'alerts')}/1`);
    const states = () => page.locator('td[id^=state-]').allTextContents();
    expect(await states()).toEqual(['on the way', 'on the way']);
    await page.evaluate('window.stayed = true');
    open();
    await expect.poll(states, { timeout: 15_000 }).toEqual(['delivered', 'delivered']);
    await expect.poll(() => page.locator('[data-live]').textContent()).toMatch(/2 delivered/);
    // No reload: the script filled them in.
    expect(await page.evaluate('window.stayed')).toBe(true);
    await shoot(page, 'alert-receipts-en');
    await page.context().close();
  });

  it('shows the pages right to left in Arabic', async () => {
    running = await startDashboardBot();
    const { bot, base } = running;
    await consoleCommunity(bot, 'lilas', ['nord']);
    const ada = bot.chat('lilas', 'ada', 'ada').as('admin');
    await ada.send('/quiet 22:00-07:00 mon-fri');
    await ada.send('/faq add When are the bins collected? | Tuesday and Friday mornings.');
    await ada.send('/faq translate 1 ar متى تُجمع القمامة؟ | صباح الثلاثاء والجمعة.');
    await bot.chat('lilas', 'bob').send('/faq where is the recycling centre');
    await bot.chat('lilas', 'bob').send('/need a ladder for Saturday afternoon');
    const page = await openSession(running, 'lilas', 'ada', 'admin');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await shootAll(page, base, 'lilas', 'en');
    await page.goto(`${base}${groupPage('lilas', 'settings')}`);
    await page.selectOption('#language-switch', 'ar');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.locator('h1').textContent()).toMatch(/إعدادات/);
    // The layout follows: the page's first column is on the right.
    const direction = await page.evaluate('getComputedStyle(document.body).direction');
    expect(direction).toBe('rtl');
    await page.goto(`${base}${groupPage('lilas', 'faq')}`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await shootAll(page, base, 'lilas', 'ar');
    await page.context().close();
  });
});
