// The morning digest, as pure logic: the messages held during a quiet period, in order, packed into as few messages
// as the target platform's length limit allows. Greedy in-order packing is optimal here: parts must stay contiguous
// (order matters), and filling each part as far as it goes never needs more parts than any other contiguous split.
import type { Platform } from '../../core/envelope.js';
import { appendNotice, type FormatSpan, type OutboundMessage } from '../../core/outbound.js';

/**
 * Each platform's limit for one message, in UTF-16 code units (a safe measure: no platform counts more). Mirrors the
 * adapters' own constants (adapters/telegram/send.ts, adapters/whatsapp/format.ts; Discord's 2000), which src/ may
 * not import.
 */
export const TEXT_LIMITS: Record<Platform, number> = {
  telegram: 4096,
  discord: 2000,
  whatsapp: 65_536,
  console: 4096,
};

/** Between two held messages in one part. */
export const DIGEST_SEPARATOR = '\n\n';

export type DigestPart = Pick<OutboundMessage, 'text' | 'format' | 'mentions' | 'threadId' | 'buttons' | 'people'>;

interface Rendered {
  text: string;
  format: FormatSpan[];
  mentions: NonNullable<OutboundMessage['mentions']>;
  people?: string[];
}

/** A held message as it reads inside a digest: a relayed post keeps its author's name as a prefix, files their notices. */
function render(message: OutboundMessage): Rendered {
  const prefix = message.identity ? `${message.identity.name}: ` : '';
  const shift = prefix.length;
  const format: FormatSpan[] = [
    ...(prefix ? [{ type: 'bold' as const, offset: 0, length: message.identity!.name.length }] : []),
    ...(message.format ?? []).map((span) => ({ ...span, offset: span.offset + shift })),
  ];
  const mentions = (message.mentions ?? []).map((m) => ({ ...m, offset: m.offset + shift }));
  // A digest is text: a relayed file is named by its notice (the original chat still has it).
  let content = { text: prefix + message.text, format };
  for (const file of message.files ?? []) content = appendNotice(content, file.notice);
  return { ...content, mentions, people: message.people };
}

class PartBuilder {
  text = '';
  format: FormatSpan[] = [];
  mentions: NonNullable<OutboundMessage['mentions']> = [];
  /** Whose words the part carries, for /forgetme (see OutboundMessage.people). */
  people = new Set<string>();
  messages = 0;

  constructor(readonly threadId: string | undefined) {}

  append(piece: Rendered, separator: string): void {
    const offset = this.text.length + (this.text === '' ? 0 : separator.length);
    if (this.text !== '') this.text += separator;
    this.text += piece.text;
    this.format.push(...piece.format.map((span) => ({ ...span, offset: span.offset + offset })));
    this.mentions.push(...piece.mentions.map((m) => ({ ...m, offset: m.offset + offset })));
    for (const person of piece.people ?? []) this.people.add(person);
  }

  lengthWith(piece: Rendered, separator: string): number {
    return this.text.length + (this.text === '' ? 0 : separator.length) + piece.text.length;
  }

  toPart(): DigestPart {
    return {
      text: this.text,
      ...(this.format.length > 0 ? { format: this.format } : {}),
      ...(this.mentions.length > 0 ? { mentions: this.mentions } : {}),
      ...(this.threadId !== undefined ? { threadId: this.threadId } : {}),
      ...(this.people.size > 0 ? { people: [...this.people] } : {}),
    };
  }
}

/**
 * Packs `held` (in the order it was held) under `header` into parts of at most `limit` code units each. A message
 * that alone exceeds the limit gets a part of its own (the adapter splits it as it splits any long text); a message
 * with buttons stays a message of its own so its buttons keep their meaning; a change of thread starts a new part.
 * The header opens the first part only.
 */
export function buildDigest(held: OutboundMessage[], limit: number, header: string): DigestPart[] {
  const parts: DigestPart[] = [];
  let current: PartBuilder | undefined;
  let headerPending = header !== '';
  const flush = () => {
    if (current && current.messages > 0) parts.push(current.toPart());
    current = undefined;
  };
  const start = (threadId: string | undefined): PartBuilder => {
    const builder = new PartBuilder(threadId);
    if (headerPending) {
      builder.append({ text: header, format: [], mentions: [] }, DIGEST_SEPARATOR);
      headerPending = false;
    }
    return builder;
  };

  for (const message of held) {
    const piece = render(message);
    if (message.buttons && message.buttons.length > 0) {
      flush();
      const alone = start(message.threadId);
      alone.append(piece, DIGEST_SEPARATOR);
      parts.push({ ...alone.toPart(), buttons: message.buttons });
      continue;
    }
    const fits =
      current !== undefined &&
      current.threadId === message.threadId &&
      (current.messages === 0 || current.lengthWith(piece, DIGEST_SEPARATOR) <= limit);
    if (!fits) {
      flush();
      current = start(message.threadId);
    }
    current!.append(piece, DIGEST_SEPARATOR);
    current!.messages++;
  }
  flush();
  return parts;
}
