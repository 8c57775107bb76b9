// Member actions on WhatsApp, on both drivers' stand-ins (whatsapp-web.js's GroupChat.removeParticipants runs in its
// page; Baileys' groupParticipantsUpdate answers a status per member): removal where the bot is a group admin; restrict
// is unsupported (WhatsApp cannot mute one member), unrestrict a no-op.
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { deliveryError } from '../helpers/delivery-error.js';
import { DRIVERS } from './drivers.js';
import { ADMIN, BOT, GROUP, MEMBER, startHarness, type Harness } from './setup.js';

const CREATOR = '33611111111@c.us';
let h: Harness | undefined;
afterEach(async () => {
  await h?.adapter.stop();
  h = undefined;
});

function action(fields: Partial<OutboundMessage> & Pick<OutboundMessage, 'action'>): OutboundMessage {
  return { id: 'act:1', target: `whatsapp:${GROUP}`, text: '', member: { userId: `whatsapp:${MEMBER}` }, ...fields };
}

describe.each(DRIVERS)('whatsapp member actions ($name)', (driver) => {
  it('removes a member when the bot is a group admin; the group sees the removal; a retry succeeds', async () => {
    h = await startHarness({}, driver);
    h.standin.setAdmin(GROUP, BOT, true);
    expect(await h.adapter.send(action({ action: 'remove' }))).toEqual({ messageIds: [] });
    expect(h.standin.removals).toEqual([{ groupId: GROUP, userId: MEMBER }]);
    expect(h.standin.isParticipant(GROUP, MEMBER)).toBe(false);
    expect(h.envelopes.some((e) => e.kind === 'leave' && e.sender.id === `whatsapp:${MEMBER}`)).toBe(true);
    await h.adapter.send(action({ action: 'remove' }));
    expect(h.standin.removals).toHaveLength(1);
  });

  it('without admin rights: permanent, naming the missing right, nobody removed', async () => {
    h = await startHarness({}, driver);
    const error = await deliveryError(h.adapter.send(action({ action: 'remove' })));
    expect(error).toMatchObject({ kind: 'permanent', details: { missingPermission: 'admin' } });
    expect(h.standin.isParticipant(GROUP, MEMBER)).toBe(true);
  });

  it("the group's creator cannot be removed", async () => {
    h = await startHarness({}, driver);
    h.standin.addGroup(GROUP, 'Rue des Lilas', [{ id: CREATOR, isSuperAdmin: true }, { id: ADMIN, isAdmin: true }, { id: MEMBER }]);
    h.standin.setAdmin(GROUP, BOT, true);
    const error = await deliveryError(h.adapter.send(action({ action: 'remove', member: { userId: `whatsapp:${CREATOR}` } })));
    expect(error.kind).toBe('permanent');
    expect(h.standin.isParticipant(GROUP, CREATOR)).toBe(true);
  });

  it('the library call itself is refused for a non-admin, as WhatsApp refuses it', async () => {
    h = await startHarness({}, driver);
    const chat = await h.client.getChatById(GROUP);
    await expect(chat.removeParticipants!([MEMBER])).rejects.toThrow(/not-authorized/);
    expect(h.standin.isParticipant(GROUP, MEMBER)).toBe(true);
  });

  it('restrict is unsupported (features delete the messages instead); unrestrict has nothing to lift', async () => {
    h = await startHarness({}, driver);
    h.standin.setAdmin(GROUP, BOT, true);
    const error = await deliveryError(h.adapter.send(action({ action: 'restrict', member: { userId: `whatsapp:${MEMBER}`, untilMs: Date.now() + 60_000 } })));
    expect(error).toMatchObject({ kind: 'permanent', details: { unsupported: true } });
    expect(error.details.missingPermission).toBeUndefined();
    expect(await h.adapter.send(action({ action: 'unrestrict' }))).toEqual({ messageIds: [] });
    expect(h.standin.isParticipant(GROUP, MEMBER)).toBe(true);
  });

  it('a private chat has no members to remove; a foreign or missing member id is refused', async () => {
    h = await startHarness({}, driver);
    h.standin.addContact(MEMBER);
    expect((await deliveryError(h.adapter.send(action({ action: 'remove', target: `whatsapp:${MEMBER}` })))).kind).toBe('permanent');
    expect((await deliveryError(h.adapter.send(action({ action: 'remove', member: { userId: 'telegram:42' } })))).kind).toBe('permanent');
    expect((await deliveryError(h.adapter.send(action({ action: 'remove', member: undefined })))).kind).toBe('permanent');
    expect(h.standin.removals).toHaveLength(0);
  });
});
