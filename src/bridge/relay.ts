// What a relayed copy says: the sender's identity, the text with its formatting, a notice per attachment, all
// pure. Which message it replies to or edits is only known when it is delivered (delivery-hook.ts), because the
// copy it refers to may itself still be waiting in the queue.
import { rawEvent, type Attachment, type Envelope } from '../core/envelope.js';
import type { FormatSpan, OutboundMessage } from '../core/outbound.js';
import { neutraliseMassMentions, sourceFormatted } from './format.js';

export type TranslateFn = (language: string, key: string, params?: Record<string, unknown>) => string;

export interface RelayContent {
  text: string;
  format: FormatSpan[];
  identity: { name: string; avatarUrl?: string };
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

/**
 * The adapters' send() takes text only, so a file cannot be re-uploaded yet: each attachment becomes a short notice
 * with its kind, name and size, in the target group's language.
 */
function attachmentNotice(attachment: Attachment, language: string, translate: TranslateFn): string {
  const size = sizeLabel(attachment.size);
  const detail = `${attachment.fileName ? ` "${attachment.fileName}"` : ''}${size ? ` (${size})` : ''}`;
  return translate(language, 'bridge.attachment', { kind: translate(language, `bridge.kind.${attachment.kind}`), detail });
}

/** The copy's content for a target group speaking `language`; undefined when there is nothing to relay. */
export function relayContent(envelope: Envelope, language: string, translate: TranslateFn): RelayContent | undefined {
  const source = sourceFormatted(envelope);
  let text = neutraliseMassMentions(source.text);
  const format = [...source.format];
  for (const attachment of envelope.attachments) {
    const notice = attachmentNotice(attachment, language, translate);
    if (text.trim() !== '') text += '\n';
    format.push({ type: 'italic', offset: text.length, length: notice.length });
    text += notice;
  }
  if (text.trim() === '') return undefined;
  const avatarUrl = avatarOf(envelope);
  const name = envelope.sender.name.trim() || translate(language, 'bridge.someone');
  return { text, format, identity: { name, ...(avatarUrl ? { avatarUrl } : {}) } };
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
