// Telegram: a private chat answers in the person's language_code until they pick one with /lang there; a group
// answers in its own language whoever asks; the command menu is registered for each language_code.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TelegramStandin } from '../telegram/standin/server.js';

const GROUP = { id: -100700800, type: 'supergroup' as const, title: 'Вулиця Лип' };
const OKSANA = { id: 77, is_bot: false, first_name: 'Оксана', language_code: 'uk' };
const SAMIRA = { id: 78, is_bot: false, first_name: 'سميرة', language_code: 'ar' };
const DM = { id: 78, type: 'private' as const };

let standin: TelegramStandin;
let bot: TestBot;

beforeEach(async () => {
  standin = await TelegramStandin.start();
  standin.addChat(GROUP);
  const adapter = createTelegramAdapter({
    token: standin.token,
    apiRoot: standin.apiRoot,
    logger: pino({ level: 'silent' }),
    pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 },
    pollTimeoutSeconds: 1,
    pollRetryMs: 50,
  });
  bot = await startTestApp({ adapters: [adapter], noConsole: true });
});
afterEach(async () => {
  await bot?.stop();
  await standin?.close();
});

/** Sends and waits for the bot's next message in that chat. */
async function ask(chat: { id: number; type: 'private' | 'supergroup' }, from: typeof OKSANA, text: string): Promise<string> {
  const before = standin.sent.filter((s) => s.chatId === chat.id).length;
  await standin.userMessage({ chat, from, text });
  await bot.waitFor(() => standin.sent.filter((s) => s.chatId === chat.id).length > before);
  return standin.sent.filter((s) => s.chatId === chat.id)[before]!.text;
}

describe('Telegram reply language', () => {
  it('registers the command menu for every language_code', () => {
    const codes = standin.requests.filter((r) => r.method === 'setMyCommands').map((r) => r.params.language_code ?? 'default');
    expect(new Set(codes)).toEqual(new Set(['default', 'fr', 'es', 'ar', 'uk']));
  });

  it('answers a private chat in the person’s language_code until they choose one with /lang', async () => {
    // /rules is a group command: in a private chat it answers where to use it, in the person's language.
    expect(await ask(DM, SAMIRA, '/rules')).toBe(translate('ar', 'errors.group_only', { command: '/rules' }));
    expect(await ask(DM, SAMIRA, '/lang es')).toBe(translate('es', 'lang.set'));
    expect(await ask(DM, SAMIRA, '/rules')).toBe(translate('es', 'errors.group_only', { command: '/rules' }));
  });

  it('answers in the group’s language in a group, whatever the asker’s language_code', async () => {
    expect(await ask(GROUP, OKSANA, '/rules')).toContain('This group has no rules yet.');
  });
});
