// Files on Discord: how large an upload may be, how uploads are grouped into messages, and fetching the files users
// posted (attachments and stickers) so the bridge can carry them elsewhere.
//
// Limits. Discord's OpenAPI description says nothing about sizes; its reference ("Uploading Files") says the limit
// applies to each file and is 10 MiB by default for bots in a server without boosts (since January 2025, down from
// 25 MiB). A third-party summary claims a raise to 20 MiB in September 2026 that we could not confirm. We keep
// 10 MiB: a file between the real limit and ours only becomes its notice, while a file over the real limit makes
// Discord refuse the whole message (413, code 40005). A request as a whole is capped too (a form body over about
// 25 MiB is refused), so a message carries at most 10 files whose bytes stay within REQUEST_BUDGET.
//
// Downloads go to Discord's CDN hosts only (or the CDN root the adapter is given, a test stand-in): an attachment's
// fileRef is a URL from the gateway payload, and fetching whatever URL an envelope names would let anyone who can
// shape an envelope make this process fetch arbitrary addresses.
import type { Attachment } from '../../src/core/envelope.js';
import { DeliveryError, type Upload } from '../../src/core/outbound.js';
import { fileNameFor } from '../../src/core/file-names.js';
import { fetchCapped } from '../../src/queue/download.js';

export const UPLOAD_LIMIT = 10 * 1024 * 1024;
/** The bytes of one message's files together: Discord's ~25 MiB request cap, less room for the JSON and the form. */
export const REQUEST_BUDGET = 24 * 1024 * 1024;
/** Discord takes at most 10 files per message. */
export const FILES_PER_MESSAGE = 10;
/** Where stickers are fetched; media.discordapp.net serves PNG and GIF stickers alike (cdn.discordapp.com not GIFs). */
export const DEFAULT_CDN_URL = 'https://media.discordapp.net';
const CDN_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Sticker format_type → the mime type normalize records and the extension the CDN serves it under. */
export const STICKER_FORMATS: Record<number, { mimeType: string; ext: string }> = {
  1: { mimeType: 'image/png', ext: 'png' }, // PNG
  2: { mimeType: 'image/png', ext: 'png' }, // APNG: a PNG to anything that does not animate it
  3: { mimeType: 'application/json', ext: 'json' }, // LOTTIE: only Discord's own clients can draw it
  4: { mimeType: 'image/gif', ext: 'gif' }, // GIF
};
const STICKER_EXT: Record<string, string> = { 'image/png': 'png', 'image/gif': 'gif' };

/** Uploads split into the messages that carry them: at most 10 files, and no more bytes than `budget`, per message. */
export function fileBatches(uploads: Upload[], budget = REQUEST_BUDGET): Upload[][] {
  const batches: Upload[][] = [];
  let current: Upload[] = [];
  let bytes = 0;
  for (const upload of uploads) {
    if (current.length > 0 && (current.length === FILES_PER_MESSAGE || bytes + upload.data.length > budget)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(upload);
    bytes += upload.data.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A name Discord stores as given: no path separators or control characters, never empty. */
export function uploadName(upload: Upload): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = upload.fileName.replace(/[/\\\u0000-\u001f]/g, '_').trim().slice(0, 1024);
  return cleaned || upload.kind;
}

type FileRef = Pick<Attachment, 'kind' | 'fileRef' | 'fileName' | 'mimeType'>;

/** The URL a file is fetched from, or a permanent refusal. */
function sourceUrl(file: FileRef, cdnUrl: string): { url: URL; mimeType?: string; fileName?: string } {
  if (file.kind === 'sticker') {
    const ext = file.mimeType ? STICKER_EXT[file.mimeType] : undefined;
    if (!ext) throw new DeliveryError('permanent', `discord sticker ${file.fileRef}: ${file.mimeType === 'application/json' ? 'a Lottie sticker cannot be shown elsewhere' : 'unknown format'}`);
    if (!/^\d+$/.test(file.fileRef)) throw new DeliveryError('permanent', 'discord sticker: not a sticker id');
    const name = (file.fileName ?? 'sticker').replace(/[^\p{L}\p{N} _-]/gu, '').trim() || 'sticker';
    return { url: new URL(`${cdnUrl.replace(/\/$/, '')}/stickers/${file.fileRef}.${ext}`), mimeType: file.mimeType, fileName: `${name}.${ext}` };
  }
  let url: URL;
  try {
    url = new URL(file.fileRef);
  } catch {
    throw new DeliveryError('permanent', 'discord file: not a URL');
  }
  const root = new URL(cdnUrl);
  const onDiscord = url.protocol === 'https:' && CDN_HOSTS.has(url.hostname) && url.port === '';
  const onRoot = url.origin === root.origin && url.pathname.startsWith(root.pathname.replace(/\/?$/, '/'));
  // The host alone goes in the reason: attachment URLs carry signatures.
  if (!onDiscord && !onRoot) throw new DeliveryError('permanent', `discord file: ${url.host} is not Discord's CDN`);
  return { url };
}

export async function downloadFile(file: FileRef, maxBytes: number, cdnUrl: string): Promise<Upload> {
  const source = sourceUrl(file, cdnUrl);
  // No redirects: a redirect could lead off the CDN. The host alone names the file: attachment URLs carry signatures.
  const { data, contentType: header } = await fetchCapped(source.url, {
    limit: maxBytes,
    what: `discord file from ${source.url.host}`,
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
    redirect: 'manual',
  });
  const mimeType = source.mimeType ?? file.mimeType ?? header ?? 'application/octet-stream';
  const fileName = source.fileName ?? file.fileName ?? fileNameFor(file.kind, mimeType);
  return { kind: file.kind, fileName, mimeType, data };
}
