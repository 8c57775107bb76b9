// The WhatsApp adapter: a WhatsApp client behind the core PlatformAdapter interface, whatsapp-web.js (a real browser
// session) or Baileys (baileys/, WhatsApp's WebSocket protocol), chosen by driver.ts. Either holds a live session, so
// it sends only from the process that holds it, slowly (see pacing.ts).
import pino from 'pino';
import type { AdapterHooks, InboundSink, PacingPolicy, PlatformAdapter } from '../../src/core/adapter.js';
import type { Attachment, Envelope } from '../../src/core/envelope.js';
import type { DeliveryResult, OutboundMessage, Upload } from '../../src/core/outbound.js';
import type { RoleLookup } from '../../src/core/roles.js';
import type { WhatsAppClient, WhatsAppGroupNotification, WhatsAppMessage } from './client.js';
import { downloadWhatsApp, whatsappUploadLimit } from './files.js';
import { normalizeEdit, normalizeGroupEvent, normalizeMessage, normalizeRevoke, type GroupEventName } from './normalize.js';
import { whatsappPacing } from './pacing.js';
import { groupNotificationData, type WaMessageData } from './raw.js';
import { whatsappRoles } from './roles.js';
import { sendWhatsApp } from './send.js';
import { createRealClient, WhatsAppSession, type SessionOptions } from './session.js';

export interface WhatsAppAdapterOptions {
  dataDir: string;
  chromiumPath?: string;
  pairingPhone?: string;
  logger: pino.Logger;
  pacing?: Partial<PacingPolicy>;
  /** The client of the chosen driver (driver.ts), or a stand-in in tests; without one, a whatsapp-web.js Client. */
  client?: WhatsAppClient;
  /** Where the login QR code is printed (default: stdout); null to print nothing. */
  terminal?: SessionOptions['terminal'];
  /** Reconnect backoff (default 2 s doubling up to 5 min). */
  backoff?: SessionOptions['backoff'];
}

export interface WhatsAppAdapter extends PlatformAdapter {
  readonly platform: 'whatsapp';
  /** The login QR code currently offered, as a PNG (served by the HTTP server at /whatsapp/qr). */
  qrPng(): Promise<Buffer | undefined>;
  uploadLimit(kind: Attachment['kind']): number;
  /** Fetches the file of a message someone posted, given its Attachment.fileRef (a serialised message id). */
  download(file: Pick<Attachment, 'kind' | 'fileRef' | 'fileName' | 'mimeType'>, maxBytes: number): Promise<Upload>;
}

export function createWhatsAppAdapter(options: WhatsAppAdapterOptions): WhatsAppAdapter {
  const logger = options.logger.child({ platform: 'whatsapp' });
  const client = options.client ?? createRealClient(options);
  const session = new WhatsAppSession(client, { logger, terminal: options.terminal, backoff: options.backoff });
  const pacing = whatsappPacing(options.pacing);
  const roles: RoleLookup = whatsappRoles(client, () => session.ready);
  const botIds = (): string[] => (session.ownId ? [session.ownId] : []);

  let sink: InboundSink | undefined;
  let hooks: AdapterHooks | undefined;
  // Envelopes are handed over one at a time, in the order WhatsApp delivered them, so per-chat order survives.
  let inbound: Promise<void> = Promise.resolve();
  const detach: (() => void)[] = [];

  function hand(envelope: Envelope | null): void {
    if (!envelope || !sink) return;
    const deliver = sink;
    inbound = inbound
      .then(() => deliver(envelope))
      .catch((error: unknown) => logger.error({ err: error, envelopeId: envelope.id }, 'whatsapp: inbound hand-off failed'));
  }

  /** Handlers run inside the library's event emitter: a throw there must not take the session down. */
  function guarded<A extends unknown[]>(what: string, handler: (...args: A) => void): (...args: A) => void {
    return (...args: A) => {
      try {
        handler(...args);
      } catch (error) {
        logger.error({ err: error }, `whatsapp: handling ${what} failed`);
      }
    };
  }

  function attach(): void {
    const onMessage = guarded('message', (message: WhatsAppMessage) => {
      hand(normalizeMessage(message.rawData as WaMessageData, { botIds: botIds() }));
    });
    const onEdit = guarded('message_edit', (message: WhatsAppMessage, newBody: string, prevBody: string) => {
      hand(normalizeEdit(message.rawData as WaMessageData, String(newBody), String(prevBody), { botIds: botIds() }));
    });
    const onRevoke = guarded('message_revoke_everyone', (message: WhatsAppMessage, revoked?: WhatsAppMessage | null) => {
      const before = revoked ? (revoked.rawData as WaMessageData) : undefined;
      hand(normalizeRevoke(message.rawData as WaMessageData, before, { botIds: botIds() }));
    });
    const onGroup = (event: GroupEventName) =>
      guarded(event, (notification: WhatsAppGroupNotification) => {
        const result = normalizeGroupEvent(event, groupNotificationData(notification), { botIds: botIds() });
        if (!result.chatId) return;
        const chatId = result.chatId;
        for (const userId of result.rolesChanged) hooks?.rolesChanged(chatId, userId);
        if (event === 'group_admin_changed' && result.rolesChanged.length === 0) hooks?.rolesChanged(chatId);
        for (const envelope of result.envelopes) hand(envelope);
        if (result.chatGone) {
          const reason = result.chatGone;
          hooks?.chatGone(chatId, reason).catch((error: unknown) => logger.error({ err: error }, 'whatsapp: chatGone hook failed'));
        }
      });
    const onJoin = onGroup('group_join');
    const onLeave = onGroup('group_leave');
    const onAdmin = onGroup('group_admin_changed');

    // 'message' (not 'message_create'): whatsapp-web.js emits it only for messages from others.
    client.on('message', onMessage);
    client.on('message_edit', onEdit);
    client.on('message_revoke_everyone', onRevoke);
    client.on('group_join', onJoin);
    client.on('group_leave', onLeave);
    client.on('group_admin_changed', onAdmin);
    detach.push(
      () => client.removeListener('message', onMessage),
      () => client.removeListener('message_edit', onEdit),
      () => client.removeListener('message_revoke_everyone', onRevoke),
      () => client.removeListener('group_join', onJoin),
      () => client.removeListener('group_leave', onLeave),
      () => client.removeListener('group_admin_changed', onAdmin),
    );
  }

  return {
    platform: 'whatsapp',
    roles,
    pacing,
    sendsFromGatewayOnly: true,

    async start(inboundSink: InboundSink, adapterHooks: AdapterHooks): Promise<void> {
      sink = inboundSink;
      hooks = adapterHooks;
      attach();
      await session.start();
    },

    send(message: OutboundMessage): Promise<DeliveryResult> {
      return sendWhatsApp({ client, isReady: () => session.ready }, message);
    },

    async stop(): Promise<void> {
      for (const off of detach.splice(0)) off();
      await session.stop();
      // Let envelopes already received finish their hand-off.
      await inbound;
    },

    health() {
      return session.health();
    },

    qrPng() {
      return session.qrPng();
    },

    uploadLimit(kind) {
      return whatsappUploadLimit(kind);
    },

    download(file, maxBytes) {
      return downloadWhatsApp({ client, isReady: () => session.ready }, file, maxBytes);
    },
  };
}
