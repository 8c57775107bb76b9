// The console adapter carries out member actions as a platform would, so features can be tested without a stand-in:
// a restricted person cannot post until the restriction ends or is lifted; removals are recorded.
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/index.js';
import type { Envelope } from '../../src/core/envelope.js';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { deliveryError } from '../helpers/delivery-error.js';

const group = { key: 'g1', title: 'G1' };
const act = (fields: Partial<OutboundMessage> & Pick<OutboundMessage, 'action'>): OutboundMessage => ({
  id: 'a:1',
  target: 'console:g1',
  text: '',
  member: { userId: 'console:nadia' },
  ...fields,
});

async function started(): Promise<{ adapter: ConsoleAdapter; seen: Envelope[] }> {
  const adapter = new ConsoleAdapter();
  const seen: Envelope[] = [];
  await adapter.start(async (e) => void seen.push(e), { rolesChanged: () => {}, chatGone: async () => {} });
  return { adapter, seen };
}

describe('console member actions', () => {
  it('restrict keeps the person from posting until lifted; other people still post', async () => {
    const { adapter, seen } = await started();
    expect(await adapter.send(act({ action: 'restrict' }))).toEqual({ messageIds: [] });
    await expect(adapter.say({ group, userKey: 'nadia', userName: 'Nadia', text: 'hi' })).rejects.toThrow(/may not post/);
    await adapter.say({ group, userKey: 'alex', userName: 'Alex', text: 'hi' });
    await adapter.send(act({ action: 'unrestrict' }));
    await adapter.say({ group, userKey: 'nadia', userName: 'Nadia', text: 'hi' });
    expect(seen.map((e) => e.sender.id)).toEqual(['console:alex', 'console:nadia']);
  });

  it('a restriction ends by itself at its time', async () => {
    const { adapter } = await started();
    await adapter.send(act({ action: 'restrict', member: { userId: 'console:nadia', untilMs: Date.now() + 60_000 } }));
    expect(adapter.isRestricted('g1', 'nadia')).toBe(true);
    expect(adapter.isRestricted('g1', 'nadia', Date.now() + 61_000)).toBe(false);
  });

  it('remove is recorded; joins and button presses arrive as envelopes', async () => {
    const { adapter, seen } = await started();
    await adapter.send(act({ action: 'remove' }));
    expect(adapter.removed).toEqual([{ chatId: 'console:g1', userId: 'console:nadia' }]);
    await adapter.join({ group, userKey: 'nadia', userName: 'Nadia', language: 'fr' });
    await adapter.press({ group, userKey: 'nadia', userName: 'Nadia', data: 'x:1' });
    expect(seen.map((e) => [e.kind, e.sender.language, e.buttonData])).toEqual([['join', 'fr', undefined], ['button', undefined, 'x:1']]);
  });

  it('a member action without a console member is refused', async () => {
    const { adapter } = await started();
    expect((await deliveryError(adapter.send(act({ action: 'remove', member: { userId: 'telegram:1' } })))).kind).toBe('permanent');
  });
});
