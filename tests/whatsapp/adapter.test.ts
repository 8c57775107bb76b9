import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_WHATSAPP_PACING, whatsappPacing } from '../../adapters/whatsapp/pacing.js';
import { DRIVERS } from './drivers.js';
import { ADMIN, BOT, GROUP, MEMBER, startHarness as start, type Harness } from './setup.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.adapter.stop();
  h = undefined;
});

describe.each(DRIVERS)('whatsapp adapter ($name)', (driver) => {
  const startHarness = (options: Parameters<typeof start>[0] = {}) => start(options, driver);

  it('declares slow, jittered pacing and gateway-only sending', async () => {
    expect(DEFAULT_WHATSAPP_PACING).toEqual({ perChatIntervalMs: 4_000, globalIntervalMs: 1_500, jitterMs: 1_000, catchUpMs: 10 });
    expect(whatsappPacing({ globalIntervalMs: 3_000 })).toEqual({ perChatIntervalMs: 4_000, globalIntervalMs: 3_000, jitterMs: 1_000, catchUpMs: 10 });
    expect(() => whatsappPacing({ jitterMs: -1 })).toThrow(RangeError);
    h = await startHarness({ pacing: { perChatIntervalMs: 40 } });
    expect(h.adapter.pacing).toEqual({ perChatIntervalMs: 40, globalIntervalMs: 1_500, jitterMs: 1_000, catchUpMs: 10 });
    expect(h.adapter.sendsFromGatewayOnly).toBe(true);
    expect(h.adapter.health?.()).toEqual({ ok: true });
  });

  it('hands group messages, edits and deletes to the sink in order', async () => {
    h = await startHarness();
    const first = h.standin.receiveGroupMessage(GROUP, MEMBER, '!rules', { notifyName: 'Bruno' });
    h.standin.receivePrivateMessage(MEMBER, 'hello');
    h.standin.editIncoming(first.id._serialized, '!help');
    h.standin.revokeIncoming(first.id._serialized);
    await vi.waitFor(() => expect(h!.envelopes).toHaveLength(4));
    expect(h.envelopes.map((e) => [e.kind, e.chat.type, e.text])).toEqual([
      ['message', 'group', '/rules'],
      ['message', 'private', 'hello'],
      ['edit', 'group', '/help'],
      ['delete', 'group', ''],
    ]);
    expect(h.envelopes[0]).toMatchObject({ sender: { id: `whatsapp:${MEMBER}`, name: 'Bruno' }, chat: { id: `whatsapp:${GROUP}` } });
  });

  it('ignores our own messages, edits and deletes', async () => {
    h = await startHarness();
    const { messageIds } = await h.adapter.send({ id: 'o:1', target: `whatsapp:${GROUP}`, action: 'send', text: '/rules' });
    await h.adapter.send({ id: 'o:1', target: `whatsapp:${GROUP}`, action: 'edit', text: '/help', editOf: messageIds });
    await h.adapter.send({ id: 'o:1', target: `whatsapp:${GROUP}`, action: 'delete', text: '', editOf: messageIds });
    h.standin.receiveGroupMessage(GROUP, MEMBER, 'after');
    await vi.waitFor(() => expect(h!.envelopes).toHaveLength(1));
    expect(h.envelopes[0]?.text).toBe('after');
  });

  it('tells group admins from members, live from the participants', async () => {
    h = await startHarness();
    const chat = `whatsapp:${GROUP}`;
    expect(await h.adapter.roles.roleOf(chat, `whatsapp:${ADMIN}`)).toBe('admin');
    expect(await h.adapter.roles.roleOf(chat, `whatsapp:${MEMBER}`)).toBe('member');
    h.standin.groupEvent(GROUP, 'promote', ADMIN, [MEMBER]);
    expect(h.rolesChanged).toEqual([[chat, `whatsapp:${MEMBER}`]]);
    expect(await h.adapter.roles.roleOf(chat, `whatsapp:${MEMBER}`)).toBe('admin');
    expect(await h.adapter.roles.roleOf(`whatsapp:${MEMBER}`, `whatsapp:${MEMBER}`)).toBe('member');
  });

  it('turns joins and leaves into envelopes, and our removal into chatGone', async () => {
    h = await startHarness();
    h.standin.groupEvent(GROUP, 'add', ADMIN, ['33677777777@c.us']);
    h.standin.groupEvent(GROUP, 'leave', MEMBER, [MEMBER]);
    h.standin.groupEvent(GROUP, 'remove', ADMIN, [BOT]);
    await vi.waitFor(() => expect(h!.envelopes).toHaveLength(2));
    expect(h.envelopes.map((e) => [e.kind, e.sender.id])).toEqual([
      ['join', 'whatsapp:33677777777@c.us'],
      ['leave', `whatsapp:${MEMBER}`],
    ]);
    expect(h.chatsGone).toEqual([[`whatsapp:${GROUP}`, 'removed from the group']]);
  });

  it('keeps receiving after a disconnect and reconnect', async () => {
    h = await startHarness({ backoff: { initialMs: 5 } });
    await h.standin.simulateDisconnect('TIMEOUT');
    expect(h.adapter.health?.().ok).toBe(false);
    await vi.waitFor(() => expect(h!.adapter.health?.()).toEqual({ ok: true }));
    h.standin.receiveGroupMessage(GROUP, MEMBER, '/rules');
    await vi.waitFor(() => expect(h!.envelopes).toHaveLength(1));
  });
});
