// The setup on the WhatsApp stand-in, through the whole bot: the bot added to a group (group_join naming its own
// number) introduces itself once; not a group admin, it names that as the missing right.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';
import { StandinClient } from '../whatsapp/standin.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('setup when added, on WhatsApp', { timeout: 90_000 }, () => {
  it('introduces itself once when added, naming group admin as missing; /setup says nothing is missing once promoted', async () => {
    const s = new StandinClient(BOT);
    s.addGroup(GROUP, 'Rue des Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }], { withBot: false });
    const adapter = createWhatsAppAdapter({ dataDir: '/nonexistent', logger: pino({ level: 'silent' }), client: s, terminal: null, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0, jitterMs: 0 } });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    await b.waitFor(() => s.qrCount === 1);
    s.scanQr();

    s.groupEvent(GROUP, 'add', ADMIN, [BOT]);
    const setups = () => s.sent.filter((m) => m.body.includes('/setrules'));
    await b.waitFor(() => setups().length === 1);
    expect(setups()[0]!.body).toContain('Group admin');
    // Removed and added again: said once.
    s.groupEvent(GROUP, 'remove', ADMIN, [BOT]);
    s.groupEvent(GROUP, 'add', ADMIN, [BOT]);
    await b.settle();
    expect(setups()).toHaveLength(1);

    s.groupEvent(GROUP, 'promote', ADMIN, [BOT]);
    s.receiveGroupMessage(GROUP, ADMIN, '/setup');
    await b.waitFor(() => setups().length === 2);
    expect(setups()[1]!.body).toContain('every permission I need');
  });
});
