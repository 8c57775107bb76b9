// The events and addresses pages in Debian's Chromium on a phone-sized screen: an event changed through its form
// (opened, filled and sent from the keyboard) is changed on every copy; the addresses table fits the screen in English
// and in Arabic, right to left. DASHBOARD_SCREENSHOTS=<folder> also saves both pages in both languages (README).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleCommunity, copyIn } from '../events/helpers.js';
import { dashboardLink, groupPage, startDashboardBot, type DashboardBot } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
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

async function shoot(page: Page, name: string): Promise<void> {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** Whether the page is no wider than the screen (wide tables become cards on a phone). */
const fits = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');

describe.skipIf(!available)('the events and addresses pages in Chromium', () => {
  it('change an event from the keyboard on every copy, and fit a phone in English and in Arabic', { timeout: 90_000 }, async () => {
    running = await startDashboardBot({ events: { editIntervalMs: 100 } });
    const { bot, base } = running;
    await consoleCommunity(bot, 'lilas', ['nord']);
    await bot.chat('lilas', 'mo', 'mo').as('moderator').send('/event Repair café | 2030-06-06 14:00 | Library');
    await bot.chat('nord', 'bea', 'Bea Martin').send('/rsvp 1 yes');
    await bot.chat('lilas', 'cyd', 'Cyd').send('/rsvp 1 maybe');
    await bot.chat('lilas', 'alice', 'Alice').send('/recommend plumber | Jean Dupont | 06 12 34 56 78 | came within the hour, fair price');
    await bot.chat('nord', 'bob', 'Bob').send('/recommend baker | Boulangerie du Nord | 01 23 45 67 89');
    await bot.chat('nord', 'cyd', 'Cyd').send('/recommend report 2');

    const link = await dashboardLink(bot, 'lilas', 'mo', 'moderator');
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await page.waitForURL(`${base}${groupPage('lilas', 'settings')}`);

    await page.goto(`${base}${groupPage('lilas', 'events')}`);
    expect(await page.locator('main').textContent()).toMatch(/1 going · 1 maybe · 0 can’t/);
    await shoot(page, 'events-en');
    await page.getByText('Change #1').click();
    await page.fill('#ev-1-t', 'Repair café and tea');
    await page.focus('#ev-1-w');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/Event #1 is changed on every copy/);
    await bot.waitFor(() => ['lilas', 'nord'].every((g) => (copyIn(bot, g, 1)?.text ?? '').includes('Repair café and tea')));

    await page.goto(`${base}${groupPage('lilas', 'addresses')}`);
    expect(await fits(page)).toBe(true);
    await shoot(page, 'addresses-en');
    await page.selectOption('#language-switch', 'ar');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.evaluate('getComputedStyle(document.body).direction')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('عناوين المجتمع');
    // A phone number keeps its order inside the Arabic page.
    expect(await page.evaluate("[...document.querySelectorAll('bdi')].filter((b) => b.textContent === '06 12 34 56 78').map((b) => getComputedStyle(b).direction)")).toEqual(['ltr']);
    expect(await fits(page)).toBe(true);
    await shoot(page, 'addresses-ar');
    await page.goto(`${base}${groupPage('lilas', 'events')}`);
    await shoot(page, 'events-ar');
    await context.close();
  });
});
