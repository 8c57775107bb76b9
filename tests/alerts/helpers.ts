// Shared by the alert tests: a community of console groups made through the commands themselves.
import type { TestBot } from '../helpers/app.js';

/** Creates a community in `first` and joins the others; every group's `ada` is its admin. */
export async function consoleCommunity(bot: TestBot, first: string, others: string[]): Promise<void> {
  const before = bot.privateTo('ada').length;
  await bot.chat(first, 'ada').as('admin').send('/community create Quartier');
  // The join code goes to the admin privately.
  const code = await bot.privateMatch('ada', /\/community join (\S+)/, before);
  for (const group of others) {
    const [joined] = await bot.chat(group, 'ada').as('admin').send(`/community join ${code}`);
    if (!/joined/.test(joined!.text)) throw new Error(`could not join ${group}: ${joined!.text}`);
  }
}

/** Deliveries of alert text (not command replies) to a console group. */
export function alertsIn(bot: TestBot, group: string): string[] {
  return bot.chat(group).delivered.filter((d) => d.message.id.startsWith('alert:')).map((d) => d.text);
}
