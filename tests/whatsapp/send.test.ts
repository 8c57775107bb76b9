import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { WHATSAPP_TEXT_LIMIT } from '../../adapters/whatsapp/format.js';
import { deliveryError } from '../helpers/delivery-error.js';
import { DRIVERS } from './drivers.js';
import { ADMIN, BOT, GROUP, MEMBER, startHarness as start, type Harness } from './setup.js';

const WJ = '\u2060';
let h: Harness | undefined;
afterEach(async () => {
  await h?.adapter.stop();
  h = undefined;
});

function outbound(fields: Partial<OutboundMessage>): OutboundMessage {
  return { id: 'test:1', target: `whatsapp:${GROUP}`, action: 'send', text: 'hello', ...fields };
}

describe.each(DRIVERS)('whatsapp send ($name)', (driver) => {
  const startHarness = (options: Parameters<typeof start>[0] = {}) => start(options, driver);

  it('sends formatted text quoting the message it replies to, with real mentions only', async () => {
    h = await startHarness();
    const incoming = h.standin.receiveGroupMessage(GROUP, MEMBER, '/rules');
    const result = await h.adapter.send(
      outbound({
        text: 'Rules for Bruno: no *spam*',
        format: [{ type: 'bold', offset: 0, length: 5 }],
        mentions: [{ userId: `whatsapp:${MEMBER}`, offset: 10, length: 5 }],
        replyTo: `whatsapp:${incoming.id._serialized}`,
      }),
    );
    expect(h.standin.sent).toHaveLength(1);
    const [sent] = h.standin.sent;
    expect(sent).toMatchObject({
      chatId: GROUP,
      body: `*Rules* for @33698765432: no ${WJ}*${WJ}spam${WJ}*${WJ}`,
      quotedMessageId: incoming.id._serialized,
      mentions: [MEMBER],
    });
    expect(result.messageIds).toEqual([`whatsapp:${sent!.id}`]);
  });

  it('puts the identity in front as a bold name', async () => {
    h = await startHarness();
    await h.adapter.send(outbound({ text: 'Water cut tomorrow', identity: { name: 'Lilas (Telegram)' } }));
    expect(h.standin.sent[0]?.body).toBe('*Lilas (Telegram)*: Water cut tomorrow');
  });

  it('splits a text over 65,536 characters and quotes with the first part only', async () => {
    h = await startHarness();
    const incoming = h.standin.receiveGroupMessage(GROUP, MEMBER, '/faq');
    const text = 'lorem ipsum '.repeat(8_000);
    const result = await h.adapter.send(outbound({ text, replyTo: `whatsapp:${incoming.id._serialized}` }));
    expect(result.messageIds).toHaveLength(2);
    expect(h.standin.sent.map((s) => s.body.length <= WHATSAPP_TEXT_LIMIT)).toEqual([true, true]);
    expect(h.standin.sent.map((s) => s.quotedMessageId)).toEqual([incoming.id._serialized, undefined]);
  });

  it('edits and deletes its earlier message', async () => {
    h = await startHarness();
    const { messageIds } = await h.adapter.send(outbound({ text: 'Meeting at 6' }));
    await h.adapter.send(outbound({ action: 'edit', text: 'Meeting at 7', editOf: messageIds }));
    expect(h.standin.sent[0]?.edits).toEqual(['Meeting at 7']);
    await h.adapter.send(outbound({ action: 'delete', text: '', editOf: messageIds }));
    expect(h.standin.sent[0]?.revoked).toBe(true);
    // Deleting again (a retried job) is harmless.
    await expect(h.adapter.send(outbound({ action: 'delete', text: '', editOf: messageIds }))).resolves.toEqual({ messageIds: [] });
    // Our own edits and deletes came back as events: none of them became an envelope.
    expect(h.envelopes).toEqual([]);
  });

  it("deletes someone else's message only as a group admin; otherwise reports the missing admin right", async () => {
    h = await startHarness();
    const revokedForAll = h.standin.revokedForEveryone;
    const theirs = h.standin.receiveGroupMessage(GROUP, MEMBER, 'posted during quiet hours');
    const target = [`whatsapp:${theirs.id._serialized}`];
    const refused = await deliveryError(h.adapter.send(outbound({ action: 'delete', text: '', editOf: target })));
    expect(refused).toMatchObject({ kind: 'permanent', details: { missingPermission: 'admin' } });
    // Not deleted "for me" either: the message is still there, for everyone.
    expect((await h.standin.messageState(theirs.id._serialized))?.type).toBe('chat');
    expect(revokedForAll).toEqual([]);

    h.standin.setAdmin(GROUP, BOT, true);
    await expect(h.adapter.send(outbound({ action: 'delete', text: '', editOf: target }))).resolves.toEqual({ messageIds: [] });
    expect(revokedForAll).toEqual([theirs.id._serialized]);
  });

  it('refuses to edit a message that is not ours', async () => {
    h = await startHarness();
    const theirs = h.standin.receiveGroupMessage(GROUP, MEMBER, 'hi');
    const error = await deliveryError(h.adapter.send(outbound({ action: 'edit', text: 'x', editOf: [`whatsapp:${theirs.id._serialized}`] })));
    expect(error.kind).toBe('permanent');
  });

  it('is transient while the session is not connected', async () => {
    h = await startHarness({ backoff: { initialMs: 60_000 } });
    await h.standin.simulateDisconnect('TIMEOUT');
    const error = await deliveryError(h.adapter.send(outbound({})));
    expect(error.kind).toBe('transient');
    expect(h.standin.sent).toEqual([]);
  });

  it('is permanent with chatGone for an unknown chat or a group we are no longer in', async () => {
    h = await startHarness();
    const unknown = await deliveryError(h.adapter.send(outbound({ target: 'whatsapp:120363000000000000@g.us' })));
    expect(unknown).toMatchObject({ kind: 'permanent', details: { chatGone: true } });

    h.standin.groupEvent(GROUP, 'remove', ADMIN, [h.standin.botId]);
    const removed = await deliveryError(h.adapter.send(outbound({})));
    expect(removed).toMatchObject({ kind: 'permanent', details: { chatGone: true } });
    expect(h.chatsGone).toEqual([[`whatsapp:${GROUP}`, 'removed from the group']]);
  });

  it('is permanent (not chatGone) for an id that is not a WhatsApp chat', async () => {
    h = await startHarness();
    const error = await deliveryError(h.adapter.send(outbound({ target: 'telegram:-100123' })));
    expect(error.kind).toBe('permanent');
    expect(error.details.chatGone).toBeUndefined();
    expect((await deliveryError(h.adapter.send(outbound({ target: 'whatsapp:not-a-chat' })))).kind).toBe('permanent');
  });
});
