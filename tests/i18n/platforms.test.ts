// `/lang ar` and `/lang uk` on WhatsApp and Discord (Telegram: telegram.test.ts): later replies come in that language,
// with the directional isolates intact after each adapter's formatting.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { FSI, LRI, PDI } from '../../src/i18n/bidi.js';
import { translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';
import { DRIVERS } from '../whatsapp/drivers.js';

const logger = pino({ level: 'silent' });
let bot: TestBot | undefined;
let discord: DiscordStandIn | undefined;
afterEach(async () => {
  await bot?.stop();
  await discord?.stop();
  bot = undefined;
  discord = undefined;
});

describe.each(DRIVERS)('WhatsApp on $name', (driver) => {
  it('speaks Arabic, isolates included, then Ukrainian', async () => {
    const { world: standin, client } = driver.create(BOT);
    standin.addGroup(GROUP, 'Rue des Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
    const adapter = createWhatsAppAdapter({ dataDir: '/nonexistent', logger, client, terminal: null, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0, jitterMs: 0 } });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    await b.waitFor(() => standin.qrCount === 1);
    standin.scanQr();
    await b.waitFor(() => adapter.health?.().ok === true);
    const say = async (from: string, text: string) => {
      const before = standin.sent.length;
      standin.receiveGroupMessage(GROUP, from, text);
      await b.waitFor(() => standin.sent.length > before);
      return standin.sent[before]!.body;
    };
    expect(await say(ADMIN, '/lang ar')).toBe(translate('ar', 'lang.set'));
    await say(ADMIN, '/setrules Pas de chiens.');
    const rules = await say(MEMBER, '/rules');
    expect(rules).toContain('قواعد هذه المجموعة:');
    expect(rules).toContain(`${FSI}Pas de chiens.${PDI}`);
    expect(await say(ADMIN, '/lang uk')).toBe('Відтепер я відповідаю тут українською.');
    expect(await say(MEMBER, '/clearrules')).toBe(translate('uk', 'errors.needs_admin', { command: '/clearrules' }));
  });
});

describe('Discord', () => {
  it('speaks Arabic in the channel after !lang ar, isolates included', async () => {
    const standIn = (discord = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start());
    const adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger, pacing: { perChatIntervalMs: 20, globalIntervalMs: 1 } });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    const { general, users } = standIn.world;
    const texts = () => standIn.botMessages().filter((m) => m.channel_id === general && !m.deleted && m.content);
    const say = async (who: typeof users.admin, text: string) => {
      const before = texts().length;
      standIn.userMessage(general, who, text);
      await b.waitFor(() => texts().length > before);
      return texts()[before]!.content;
    };
    expect(await say(users.admin, '!lang ar')).toBe(translate('ar', 'lang.set'));
    const none = await say(users.member, '!rules');
    expect(none.startsWith('لا توجد قواعد لهذه المجموعة بعد.')).toBe(true);
    expect(none).toContain(`${LRI}/setrules`);
  });
});
