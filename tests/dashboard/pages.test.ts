// The dashboard's pages over HTTP: settings read with the commands' own parsers and seen by the commands, the FAQ
// editor and its unanswered questions, an alert composed on the page and its receipts, the community and its bridges.
import { afterEach, describe, expect, it } from 'vitest';
import { rulesSettings } from '../../src/features/quiet-and-flood/settings.js';
import { consoleCommunity } from '../alerts/helpers.js';
import { Client, dashboardLink, groupPage, startDashboardBot, type DashboardBot } from './helpers.js';

let running: DashboardBot | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const form = (overrides: Record<string, string | string[]> = {}) => ({
  language: 'en',
  timezone: 'Europe/Paris',
  rules: '',
  quiet_start: '22:00',
  quiet_end: '07:00',
  quiet_days: ['0', '1', '2', '3', '4', '5', '6'],
  quiet_mode: 'remind',
  flood_messages: '10',
  flood_seconds: '30',
  ...overrides,
});

async function adminSession(d: DashboardBot, group = 'lilas', user = 'ada'): Promise<Client> {
  const client = new Client(d.base);
  await client.login(await dashboardLink(d.bot, group, user, 'admin'));
  await client.get(groupPage(group, 'settings'));
  return client;
}

describe('the settings page', () => {
  it('refuses what the commands refuse, and changes nothing then', async () => {
    running = await startDashboardBot();
    const client = await adminSession(running);
    const bad: Record<string, string | string[]>[] = [
      { quiet_on: 'on', quiet_start: '25:00' },
      { quiet_on: 'on', quiet_start: '07:00', quiet_end: '07:00' },
      { quiet_on: 'on', quiet_days: [] },
      { timezone: 'CET' },
      { timezone: 'Mars/Olympus' },
      { language: 'xx' },
      { flood_on: 'on', flood_messages: '0' },
      { flood_on: 'on', flood_seconds: '7200' },
      { quiet_mode: 'shout' },
    ];
    for (const fields of bad) {
      const res = await client.post(groupPage('lilas', 'settings'), form(fields));
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.text).toMatch(/class="error"/);
    }
    expect(await running.bot.app.services.audit.latest('console:lilas')).toEqual([]);
    // The refused form keeps what was typed.
    const refused = await client.post(groupPage('lilas', 'settings'), form({ timezone: 'Mars/Olympus', rules: 'No dogs on the lawn' }));
    expect(refused.text).toContain('value="Mars/Olympus"');
    expect(refused.text).toContain('No dogs on the lawn');
  });

  it('stores what /quiet and /flood store for the same input, audited under the dashboard', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    const client = await adminSession(running);
    const res = await client.post(
      groupPage('lilas', 'settings'),
      form({ timezone: 'america/bogota', quiet_on: 'on', quiet_start: '23:00', quiet_end: '06:30', quiet_days: ['1', '2', '3', '4', '5'], flood_on: 'on', flood_messages: '5', flood_seconds: '20', rules: 'Be kind.' }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/Saved: 4 changes/);
    // The same through the commands in another group.
    const admin = bot.chat('jasmin', 'ada', 'ada').as('admin');
    await admin.send('/timezone America/Bogota');
    await admin.send('/quiet 23:00-06:30 mon-fri');
    await admin.send('/flood 5 20');
    const viaPage = rulesSettings((await bot.app.services.groups.find('console:lilas'))!);
    const viaChat = rulesSettings((await bot.app.services.groups.find('console:jasmin'))!);
    expect(viaPage.quietHours).toEqual(viaChat.quietHours);
    expect(viaPage.quietHours).toEqual({ start: '23:00', end: '06:30', timeZone: 'America/Bogota', days: [1, 2, 3, 4, 5] });
    expect(viaPage.flood).toEqual(viaChat.flood);
    // /faq auto: the setting the command writes.
    await client.get(groupPage('lilas', 'settings'));
    await client.post(
      groupPage('lilas', 'settings'),
      form({ timezone: 'America/Bogota', quiet_on: 'on', quiet_start: '23:00', quiet_end: '06:30', quiet_days: ['1', '2', '3', '4', '5'], flood_on: 'on', flood_messages: '5', flood_seconds: '20', rules: 'Be kind.', faq_auto: 'on' }),
    );
    await admin.send('/faq auto on');
    expect((await bot.app.services.groups.find('console:lilas'))!.settings.faqAutoAnswer).toBe(true);
    expect((await bot.app.services.groups.find('console:jasmin'))!.settings.faqAutoAnswer).toBe(true);
    const [quiet] = await bot.chat('lilas', 'bob').send('/quiet');
    expect(quiet!.text).toMatch(/23:00.*06:30.*America\/Bogota/s);
    const actions = (await bot.app.services.audit.latest('console:lilas')).map((e) => e.action).sort();
    expect(actions).toEqual(['dashboard:faq_auto', 'dashboard:flood', 'dashboard:quiet', 'dashboard:setrules', 'dashboard:timezone']);
    // /audit names the person who changed them.
    const [audit] = await bot.chat('lilas', 'ada', 'ada').as('admin').send('/audit');
    expect(audit!.text).toMatch(/ada/);
    // Unchanged form: nothing to save, nothing audited.
    await client.get(groupPage('lilas', 'settings'));
    const again = await client.post(
      groupPage('lilas', 'settings'),
      form({ timezone: 'America/Bogota', quiet_on: 'on', quiet_start: '23:00', quiet_end: '06:30', quiet_days: ['1', '2', '3', '4', '5'], flood_on: 'on', flood_messages: '5', flood_seconds: '20', rules: 'Be kind.', faq_auto: 'on' }),
    );
    expect(again.text).toMatch(/Nothing to change/);
    expect(await bot.app.services.audit.latest('console:lilas')).toHaveLength(5);
  });

  it('lets a moderator read the settings but not change them', async () => {
    running = await startDashboardBot();
    const client = new Client(running.base);
    await client.login(await dashboardLink(running.bot, 'lilas', 'cleo', 'moderator'));
    const page = await client.get(groupPage('lilas', 'settings'));
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/Only the group(&#39;|')s admins/);
    expect(page.text).not.toMatch(/id="save"/);
    expect((await client.post(groupPage('lilas', 'settings'), form())).status).toBe(403);
    // The audit page is for admins, as /audit is.
    expect((await client.get(groupPage('lilas', 'audit'))).status).toBe(403);
  });
});

describe('the FAQ page', () => {
  it('lists questions that found no answer, adds an entry the chat then answers with, and forgets the asker on /forgetme', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    await bot.chat('lilas', 'bob', 'bob').send('/faq when is the market open');
    const client = new Client(running.base);
    await client.login(await dashboardLink(bot, 'lilas', 'cleo', 'moderator'));
    const page = await client.get(groupPage('lilas', 'faq'));
    expect(page.text).toContain('when is the market open');
    const added = await client.post(groupPage('lilas', 'faq') + '/add', { lang: 'en', question: 'When is the market open?', answer: 'Saturday mornings, 8 to 13.' });
    expect(added.status).toBe(200);
    const [answer] = await bot.chat('lilas', 'bob', 'bob').send('/faq when is the market open');
    expect(answer!.text).toMatch(/Saturday mornings/);
    const translated = await client.post(groupPage('lilas', 'faq') + '/translate', { id: '1', lang: 'fr', question: 'Quand le marché est-il ouvert ?', answer: 'Le samedi matin, de 8 h à 13 h.' });
    expect(translated.status).toBe(200);
    expect(translated.text).toContain('Le samedi matin');
    expect((await bot.app.services.audit.latest('console:lilas')).map((e) => e.action)).toEqual(['dashboard:faq translate', 'dashboard:faq add']);
    await bot.chat('lilas', 'bob', 'bob').send('/forgetme');
    expect(await bot.app.services.faq.unanswered.latest({ groupId: 'console:lilas', communityId: null })).toEqual([]);
  });
});

describe('the alert composer', () => {
  it('sends to every other group of the community once, even when the form is sent twice, and its receipts settle', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    await consoleCommunity(bot, 'lilas', ['nord', 'gare']);
    const client = new Client(running.base);
    await client.login(await dashboardLink(bot, 'lilas', 'mo', 'moderator'));
    await client.get(groupPage('lilas', 'alerts'));
    const nonce = 'a'.repeat(24);
    const sent = await client.post(groupPage('lilas', 'alerts'), { text: 'Water cut on rue des Lilas', nonce });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(groupPage('lilas', 'alerts') + '/1');
    const twice = await client.post(groupPage('lilas', 'alerts'), { text: 'Water cut on rue des Lilas', nonce });
    expect(twice.headers.get('location')).toBe(groupPage('lilas', 'alerts') + '/1');
    let receipts: { settled: boolean; counts: Record<string, number> } = { settled: false, counts: {} };
    await bot.waitFor(async () => {
      receipts = JSON.parse((await client.get(groupPage('lilas', 'alerts') + '/1/receipts')).text);
      return receipts.settled;
    });
    expect(receipts.counts).toEqual({ delivered: 2, failed: 0, held: 0, queued: 0 });
    await bot.settle();
    for (const group of ['nord', 'gare']) expect(bot.chat(group).delivered.filter((d) => d.message.id.startsWith('alert:'))).toHaveLength(1);
    // An urgent alert is an admin's: a moderator's is refused.
    expect((await client.post(groupPage('lilas', 'alerts'), { text: 'Gas leak', urgent: 'on', nonce: 'b'.repeat(24) })).status).toBe(403);
    expect((await bot.app.services.audit.latest('console:lilas')).map((e) => e.action)).toContain('dashboard:alert');
  });

  it('shows a group in quiet hours as held until the end of its quiet hours', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    await consoleCommunity(bot, 'lilas', ['nord']);
    const hour = new Date().getUTCHours();
    const start = `${String((hour + 23) % 24).padStart(2, '0')}:00`;
    const end = `${String((hour + 2) % 24).padStart(2, '0')}:00`;
    await bot.chat('nord', 'ada', 'ada').as('admin').send(`/quiet ${start}-${end} UTC`);
    const client = new Client(running.base);
    await client.login(await dashboardLink(bot, 'lilas', 'mo', 'moderator'));
    await client.get(groupPage('lilas', 'alerts'));
    await client.post(groupPage('lilas', 'alerts'), { text: 'Street party on Saturday', nonce: 'c'.repeat(24) });
    const page = await client.get(groupPage('lilas', 'alerts') + '/1');
    expect(page.text).toContain(`held until ${end}`);
  });
});

describe('a session', () => {
  it('covers the community groups where the platform says the person moderates, and only those', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    await consoleCommunity(bot, 'lilas', ['nord', 'gare']);
    bot.console.setRole('nord', 'cleo', 'moderator');
    bot.console.setRole('gare', 'cleo', 'member');
    const client = new Client(running.base);
    await client.login(await dashboardLink(bot, 'lilas', 'cleo', 'moderator'));
    expect((await client.get(groupPage('nord', 'faq'))).status).toBe(200);
    expect((await client.get(groupPage('gare', 'faq'))).status).toBe(404);
    const home = await client.get('/dashboard');
    expect(home.text).toContain(groupPage('nord', 'settings'));
    expect(home.text).not.toContain(groupPage('gare', 'settings'));
  });
});

describe('the community page', () => {
  it('shows the groups of the community on each platform, and bridges', async () => {
    running = await startDashboardBot();
    const { bot } = running;
    await consoleCommunity(bot, 'lilas', ['nord']);
    const before = bot.privateTo('ada').length;
    await bot.chat('lilas', 'ada', 'ada').as('admin').send('/bridge link');
    const code = await bot.privateMatch('ada', /\/bridge (\S+)/, before);
    await bot.chat('gare', 'ada', 'ada').as('admin').send(`/bridge ${code}`);
    const client = new Client(running.base);
    await client.login(await dashboardLink(bot, 'lilas', 'ada', 'admin'));
    const page = await client.get('/dashboard');
    expect(page.text).toMatch(/Community: Quartier/);
    expect(page.text).toMatch(/<td>nord<\/td>/);
    expect(page.text).toMatch(/Bridges[\s\S]*<td>gare<\/td>/);
  });
});
