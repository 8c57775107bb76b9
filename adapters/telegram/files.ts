// Files in and out of Telegram: the Bot API's size limits, fetching a file a Telegram envelope named (getFile, then
// the file URL), and which send method carries an upload. The file URL contains the bot token, so it never goes
// into a log line or an error message.
import { GrammyError, InputFile, type Api } from 'grammy';
import type { File, Message } from 'grammy/types';
import type { Attachment } from '../../src/core/envelope.js';
import { DeliveryError, type Upload } from '../../src/core/outbound.js';
import { bareMime, fileNameFor, mimeFromFileName } from '../../src/core/file-names.js';
import { fetchCapped } from '../../src/queue/download.js';
import { toDeliveryError } from './errors.js';

const MB = 1024 * 1024;
/** Multipart uploads by a bot: 10 MB for photos, 50 MB for every other file (core.telegram.org/bots/api#sending-files). */
export const TELEGRAM_PHOTO_UPLOAD_LIMIT = 10 * MB;
export const TELEGRAM_FILE_UPLOAD_LIMIT = 50 * MB;
/** getFile: "bots can download files of up to 20MB in size". */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * MB;
/** A download that has not finished by then is treated as network trouble (retried). */
const DOWNLOAD_TIMEOUT_MS = 120_000;

export function telegramUploadLimit(kind: Attachment['kind']): number {
  return kind === 'photo' ? TELEGRAM_PHOTO_UPLOAD_LIMIT : TELEGRAM_FILE_UPLOAD_LIMIT;
}

/** What Telegram does not say for these kinds (a photo has no mime_type: Telegram stores photos as JPEG). */
const KIND_MIME: Partial<Record<Attachment['kind'], string>> = { photo: 'image/jpeg', voice: 'audio/ogg', sticker: 'image/webp' };

/**
 * Fetches a file by its file_id: getFile first, so a file Telegram says is too large is refused before any byte
 * moves, then the file URL with a byte cap (the size may be unknown, or wrong).
 */
export async function downloadTelegramFile(
  api: Api,
  where: { apiRoot: string; token: string },
  file: Pick<Attachment, 'kind' | 'fileRef' | 'fileName' | 'mimeType'>,
  maxBytes: number,
): Promise<Upload> {
  const limit = Math.min(maxBytes, TELEGRAM_DOWNLOAD_LIMIT);
  let info: File;
  try {
    info = await api.getFile(file.fileRef);
  } catch (err) {
    const error = toDeliveryError(err, 'getFile');
    // Nothing here is about a chat: a 429 or a 403 on getFile is only a reason to try again later, or not at all.
    throw new DeliveryError(error.kind === 'permanent' ? 'permanent' : 'transient', error.message);
  }
  if (info.file_size !== undefined && info.file_size > limit) {
    throw new DeliveryError('permanent', `telegram file of ${info.file_size} bytes is over the ${limit} bytes allowed`);
  }
  // A local Bot API server (--local) answers with a path on its own disk, which is not fetchable over HTTP.
  if (!info.file_path || info.file_path.startsWith('/')) throw new DeliveryError('permanent', 'telegram gave no downloadable file path');

  // The URL holds the token: the shared download never puts it in an error.
  const { data } = await fetchCapped(`${where.apiRoot}/file/bot${where.token}/${info.file_path}`, { limit, what: 'telegram file download', timeoutMs: DOWNLOAD_TIMEOUT_MS });
  const mimeType = bareMime(file.mimeType) || KIND_MIME[file.kind] || mimeFromFileName(info.file_path) || 'application/octet-stream';
  const fileName = file.fileName || fileNameFor(file.kind, mimeType);
  return { kind: file.kind, fileName, mimeType, data };
}

// ---------------------------------------------------------------- uploading

type UploadMethod = 'sendPhoto' | 'sendVideo' | 'sendAudio' | 'sendVoice' | 'sendDocument';

const PHOTO_MIMES = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** sendAudio takes "the .MP3 or .M4A format"; sendVideo "MPEG4 videos (other formats may be sent as Document)". */
const AUDIO_MIMES = new Set(['audio/mpeg', 'audio/mp3', 'audio/mp4', 'audio/x-m4a', 'audio/m4a']);

/**
 * The send method that shows an upload best. Anything Telegram would not show as such (a GIF photo, an animated
 * sticker, a WebM video, an AAC voice note) goes as a document, which always works.
 */
export function uploadMethod(upload: Upload): UploadMethod {
  const mime = bareMime(upload.mimeType);
  switch (upload.kind) {
    case 'photo':
    case 'sticker':
      return isStillPicture(upload) ? 'sendPhoto' : 'sendDocument';
    case 'video':
      return mime === 'video/mp4' ? 'sendVideo' : 'sendDocument';
    case 'audio':
      return AUDIO_MIMES.has(mime) ? 'sendAudio' : 'sendDocument';
    case 'voice':
      if (mime === 'audio/ogg') return 'sendVoice';
      return AUDIO_MIMES.has(mime) ? 'sendAudio' : 'sendDocument';
    default:
      return 'sendDocument';
  }
}

/** A JPEG, PNG or WebP under the photo limit, and not animated (sendPhoto would keep only the first frame). */
function isStillPicture(upload: Upload): boolean {
  if (!PHOTO_MIMES.has(bareMime(upload.mimeType)) || upload.data.length > TELEGRAM_PHOTO_UPLOAD_LIMIT) return false;
  const d = upload.data;
  // WebP: a VP8X header with its animation flag (RIFF....WEBPVP8X, flags at byte 20).
  if (d.toString('latin1', 8, 16) === 'WEBPVP8X' && d.length > 20 && (d[20]! & 0x02) !== 0) return false;
  // APNG: an acTL chunk, which must come before the first IDAT.
  if (d.toString('latin1', 1, 4) === 'PNG') {
    const idat = d.indexOf('IDAT', 8, 'latin1');
    const actl = d.indexOf('acTL', 8, 'latin1');
    if (actl !== -1 && (idat === -1 || actl < idat)) return false;
  }
  return true;
}

/** Telegram refuses some pictures as photos (too large a side, odd ratio, unreadable); as a document they go. */
function refusedAsPhoto(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /PHOTO_|IMAGE_PROCESS_FAILED/i.test(err.description);
}

/** Names go into a multipart header unquoted (grammY): no line breaks, quotes or parameter separators in them. */
function safeFileName(name: string): string {
  const safe = Array.from(name, (c) => (c < ' ' || c === '\u007f' || '";\\'.includes(c) ? '_' : c)).join('');
  return safe.trim() || 'file';
}

/** The options every upload takes (caption, entities, thread, reply, keyboard). */
export type UploadOptions = NonNullable<Parameters<Api['sendDocument']>[2]>;

/** Posts one upload with the method that suits it. Throws what grammY throws. */
export async function postUpload(api: Api, chatId: number, upload: Upload, options: UploadOptions): Promise<Message> {
  const method = uploadMethod(upload);
  const input = (): InputFile => new InputFile(upload.data, safeFileName(upload.fileName));
  switch (method) {
    case 'sendPhoto':
      try {
        return await api.sendPhoto(chatId, input(), options);
      } catch (err) {
        if (!refusedAsPhoto(err)) throw err;
        return api.sendDocument(chatId, input(), options);
      }
    case 'sendVideo':
      return api.sendVideo(chatId, input(), options);
    case 'sendAudio':
      return api.sendAudio(chatId, input(), options);
    case 'sendVoice':
      return api.sendVoice(chatId, input(), options);
    default:
      return api.sendDocument(chatId, input(), options);
  }
}
