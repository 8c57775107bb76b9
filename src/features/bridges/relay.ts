// What a relayed copy says: the sender's identity, the text with its formatting, the files to carry, all pure.
// Which message it replies to or edits is only known when it is delivered (delivery-hook.ts), because the copy it
// refers to may itself still be waiting in the queue.
import { rawEvent, type Attachment, type Envelope } from '../../core/envelope.js';
import type { FormatSpan, OutboundFile, OutboundMessage } from '../../core/outbound.js';
import { neutraliseBidi, neutraliseName } from '../../i18n/bidi.js';
import { neutraliseMassMentions, sourceFormatted } from './format.js';

export type TranslateFn = (language: string, key: string, params?: Record<string, unknown>) => string;

export interface RelayContent {
  text: string;
  format: FormatSpan[];
  identity: { name: string; avatarUrl?: string };
  files?: OutboundFile[];
  people: string[];
}

function avatarOf(envelope: Envelope): string | undefined {
  const event = rawEvent(envelope as Envelope & { platform: 'discord' }, 'discord') as { d?: { author?: { id?: string; avatar?: string | null } } } | undefined;
  const author = event?.d?.author;
  return author?.id && author.avatar ? `https://cdn.discordapp.com/avatars/${author.id}/${author.avatar}.png?size=128` : undefined;
}

function sizeLabel(size: number | undefined): string {
  if (size === undefined) return '';
  return size >= 1024 * 1024 ? `${(size / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} kB`;
}

/** What a copy says in place of a file that cannot go (too large for the target, gone at the source). */
function attachmentNotice(attachment: Attachment, language: string, translate: TranslateFn): string {
  const size = sizeLabel(attachment.size);
  const detail = `${attachment.fileName ? ` "${attachment.fileName}"` : ''}${size ? ` (${size})` : ''}`;
  return translate(language, 'bridge.attachment', { kind: translate(language, `bridge.kind.${attachment.kind}`), detail });
}

/**
 * The copy's content for a target group speaking `language`; undefined when there is nothing to relay. Files travel
 * as references: the delivery worker fetches each from the source platform when the copy is sent, and uses the
 * notice instead where it cannot. An edit changes text only (platforms cannot swap a posted file), so it has none.
 */
export function relayContent(envelope: Envelope, language: string, translate: TranslateFn): RelayContent | undefined {
  const source = sourceFormatted(envelope);
  // Same length out as in: the format spans keep pointing at the right characters.
  const text = neutraliseBidi(neutraliseMassMentions(source.text), '\u200B');
  const files: OutboundFile[] =
    envelope.kind === 'message'
      ? envelope.attachments.map((attachment) => ({
          kind: attachment.kind,
          source: { platform: envelope.platform, fileRef: attachment.fileRef },
          ...(attachment.fileName ? { fileName: attachment.fileName } : {}),
          ...(attachment.mimeType ? { mimeType: attachment.mimeType } : {}),
          ...(attachment.size !== undefined ? { size: attachment.size } : {}),
          notice: attachmentNotice(attachment, language, translate),
        }))
      : [];
  if (text.trim() === '' && files.length === 0) return undefined;
  const avatarUrl = avatarOf(envelope);
  // Every platform's copy puts the name before the text (`Name: text`, a webhook's username, a digest line): a control
  // character in it would reorder what follows.
  const name = neutraliseName(envelope.sender.name).trim() || translate(language, 'bridge.someone');
  return {
    text,
    format: source.format,
    identity: { name, ...(avatarUrl ? { avatarUrl } : {}) },
    ...(files.length > 0 ? { files } : {}),
    people: [envelope.sender.id],
  };
}

/**
 * Where the platform cannot show an identity (or, on Discord, when a native reply is wanted: webhook posts cannot
 * reply), the name goes in front of the text in bold, as the adapters do for `identity` elsewhere.
 */
export function withNamePrefix(message: OutboundMessage): OutboundMessage {
  if (!message.identity) return message;
  const prefix = `${message.identity.name}: `;
  const format: FormatSpan[] = [
    { type: 'bold', offset: 0, length: prefix.length - 1 },
    ...(message.format ?? []).map((span) => ({ ...span, offset: span.offset + prefix.length })),
  ];
  const { identity: _identity, ...rest } = message;
  return { ...rest, text: prefix + message.text, format };
}
