// Files on WhatsApp: how large a file we may upload, and fetching a file someone posted (for a bridge to carry it).
// Uploading itself is part of send.ts.
import type { Attachment } from '../../src/core/envelope.js';
import { DeliveryError, type Upload } from '../../src/core/outbound.js';
import { fileNameFor } from '../../src/core/file-names.js';
import type { MessageMedia } from 'whatsapp-web.js';
import type { WaMessageData } from './raw.js';
import { call, type SendContext } from './send.js';

// WhatsApp Web reads its upload limits at run time from server configuration, which whatsapp-web.js does not expose,
// so we hold to fixed, conservative figures: 16 MB for media (photos, videos, audio, voice notes, stickers), the limit
// WhatsApp has long given for media, and 100 MB for documents. The WhatsApp Business Platform's media reference
// (developers.facebook.com/docs/whatsapp/cloud-api/reference/media, "Supported media types") gives the same two figures
// for audio/video and documents. The consumer app now takes larger documents, but a file also crosses into the browser
// page as base64 (a third larger, all in memory), so we stay at these.
export const WHATSAPP_MEDIA_LIMIT = 16 * 1024 * 1024;
export const WHATSAPP_DOCUMENT_LIMIT = 100 * 1024 * 1024;

/** Documents and anything else we send as a document get the document limit; the rest are media. */
export function whatsappUploadLimit(kind: Attachment['kind']): number {
  return kind === 'document' || kind === 'other' ? WHATSAPP_DOCUMENT_LIMIT : WHATSAPP_MEDIA_LIMIT;
}

/** A serialised message id (`false_<chat>_<id>` or `false_<group>_<id>_<author>`), which is what our fileRefs are. */
const SERIALIZED_MESSAGE_ID = /^(true|false)_[^_\s]+_[^_\s]+(_[^_\s]+)?$/;

/**
 * Fetches the file of a message someone posted. whatsapp-web.js hands the whole file over at once (base64, out of
 * the browser page), so the size WhatsApp recorded on the message is checked first; without one, the size the base64
 * text stands for is checked before it is decoded.
 */
export async function downloadWhatsApp(
  ctx: SendContext,
  file: Pick<Attachment, 'kind' | 'fileRef' | 'fileName' | 'mimeType'>,
  maxBytes: number,
): Promise<Upload> {
  if (!SERIALIZED_MESSAGE_ID.test(file.fileRef)) throw new DeliveryError('permanent', 'not a whatsapp message id');
  // The file is still there once the session is back: retried, not given up.
  if (!ctx.isReady()) throw new DeliveryError('transient', 'whatsapp session not connected');
  const message = await call('getMessageById', () => ctx.client.getMessageById(file.fileRef));
  // null: a message this session never saw, or one deleted since.
  if (!message) throw new DeliveryError('permanent', 'whatsapp message not found');
  // A message deleted for everyone keeps its id but loses its media.
  if (!message.hasMedia) throw new DeliveryError('permanent', 'whatsapp message has no file');
  const size = (message.rawData as WaMessageData).size;
  if (typeof size === 'number' && size > maxBytes) {
    throw new DeliveryError('permanent', `whatsapp file of ${size} bytes is over ${maxBytes}`);
  }
  // Resolves to undefined (despite its typings) when the media has expired from WhatsApp's servers or cannot be had.
  const media: MessageMedia | undefined = await call('downloadMedia', () => message.downloadMedia());
  if (!media) throw new DeliveryError('permanent', 'whatsapp file no longer available');
  // The size the base64 text stands for, read before decoding: a file over the cap is refused without being copied.
  const encoded = media.data.length;
  const decodedSize = Math.floor((encoded * 3) / 4) - (media.data.endsWith('==') ? 2 : media.data.endsWith('=') ? 1 : 0);
  if (decodedSize > maxBytes) throw new DeliveryError('permanent', `whatsapp file of ${decodedSize} bytes is over ${maxBytes}`);
  const data = Buffer.from(media.data, 'base64');
  if (data.length === 0) throw new DeliveryError('permanent', 'whatsapp file is empty');
  if (data.length > maxBytes) throw new DeliveryError('permanent', `whatsapp file of ${data.length} bytes is over ${maxBytes}`);
  const mimeType = media.mimetype || file.mimeType || 'application/octet-stream';
  return { kind: file.kind, fileName: media.filename || file.fileName || fileNameFor(file.kind, mimeType), mimeType, data };
}
