// Mime types and file names for files carried between platforms. Platforms often give no file name (photos, voice
// notes, stickers), and some give no mime type; the target still wants both. Shared by the adapters so that a voice
// note is `voice.ogg` whichever platform it came from.
import type { Attachment } from './envelope.js';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/json': 'json',
  'application/x-tgsticker': 'tgs',
  'text/plain': 'txt',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

/** `audio/ogg; codecs=opus` → `audio/ogg`; '' when there is none. */
export function bareMime(mimeType: string | undefined): string {
  return (mimeType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The mime type a file name's extension stands for, when it is one we know. */
export function mimeFromFileName(name: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return undefined;
  if (ext === 'jpeg') return 'image/jpeg';
  return Object.entries(EXTENSIONS).find(([, e]) => e === ext)?.[0];
}

/** A name for a file the platform gave none: `<kind>.<ext>`, the extension from the mime type (`voice.ogg`). */
export function fileNameFor(kind: Attachment['kind'], mimeType: string): string {
  const bare = bareMime(mimeType);
  const subtype = bare.split('/')[1] ?? '';
  const extension = EXTENSIONS[bare] ?? (/^[a-z0-9]{1,5}$/.test(subtype) ? subtype : 'bin');
  return `${kind}.${extension}`;
}
