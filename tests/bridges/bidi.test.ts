// Names cannot reorder text. A name ending in RIGHT-TO-LEFT OVERRIDE (U+202E) would show the rest of a relayed line
// backwards ("Mod‮: pay 100 to FR76…"); a message carrying an unclosed override would reverse what a platform puts after
// it. Relayed through the real adapters and their stand-ins, every copy on every platform is balanced.
import { afterEach, describe, expect, it } from 'vitest';
import { balanced } from '../helpers/bidi.js';
import { ALICE, GROUP, LILAS, MEMBER, World } from './world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const RLO = '\u202E';
const PDI = '\u2069';

describe('bidirectional controls in relayed names and text', () => {
  it('are neutralised on Telegram, Discord (webhook username and content) and WhatsApp', async () => {
    const w = (world = await World.create());
    await w.linkAll();
    const discordBefore = w.discordCopies().length;
    const telegramBefore = w.telegramCopies().length;
    const waBefore = w.wa.sent.length;

    // From WhatsApp: a push name ending in an override, and a stray pop-isolate in the text.
    w.wa.receiveGroupMessage(GROUP, MEMBER, `pay 100 to FR76 ${PDI}now`, { notifyName: `Mod${RLO}` });
    await w.bot.waitFor(() => w.discordCopies().length === discordBefore + 1 && w.telegramCopies().length === telegramBefore + 1);
    const onTelegram = w.telegramCopies().at(-1)!;
    expect(onTelegram.text.startsWith('Mod: pay 100 to FR76')).toBe(true);
    expect(balanced(onTelegram.text)).toBe(true);
    // The bold prefix still covers exactly `Mod:`.
    expect(onTelegram.params.entities).toEqual(expect.arrayContaining([{ type: 'bold', offset: 0, length: 4 }]));
    const onDiscord = w.discordCopies().at(-1)!;
    expect((onDiscord.author as { username: string }).username).toBe('Mod');
    expect(balanced(onDiscord.content)).toBe(true);

    // From Telegram: the name and an override opened in the text and never closed.
    await w.telegram.userMessage({ chat: LILAS, from: { ...ALICE, first_name: `Mod${RLO}` }, text: `${RLO}001 yap` });
    await w.bot.waitFor(() => w.wa.sent.length >= waBefore + 1 && w.discordCopies().length === discordBefore + 2);
    const onWhatsApp = w.wa.sent.at(-1)!.body;
    expect(onWhatsApp).toMatch(/^\*Mod\*: /);
    expect(balanced(onWhatsApp)).toBe(true);
    const second = w.discordCopies().at(-1)!;
    expect((second.author as { username: string }).username).toBe('Mod');
    expect(balanced(second.content)).toBe(true);
  }, 60_000);
});
