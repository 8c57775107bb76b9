// The stand-in's file storage: every file a user posts or the bot uploads keeps its bytes under a file_id, so getFile
// and the `/file/bot<token>/<file_path>` route serve them back, and the media objects a message carries (photo
// sizes, document, voice...) are built the way Telegram fills them.
import { randomBytes } from 'node:crypto';
import type { Message, PhotoSize } from 'grammy/types';

export type MediaKind = 'photo' | 'document' | 'video' | 'audio' | 'voice' | 'sticker';

export interface StoredFile {
  fileId: string;
  uniqueId: string;
  /** The file_path getFile answers with (`photos/file_3.jpg`). */
  path: string;
  kind: MediaKind;
  data: Buffer;
  fileName?: string;
  mimeType: string;
  /** getFile leaves file_size out (the field is optional) and the file is served chunked, without content-length. */
  sizeUnknown?: boolean;
}

const FOLDERS: Record<MediaKind, string> = {
  photo: 'photos',
  document: 'documents',
  video: 'videos',
  audio: 'music',
  voice: 'voice',
  sticker: 'stickers',
};

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  pdf: 'application/pdf',
  txt: 'text/plain',
  tgs: 'application/x-tgsticker',
};

/** A picture Telegram can read: JPEG, PNG, WebP, GIF or BMP, told by its first bytes. */
export function isPicture(data: Buffer): boolean {
  return pictureMime(data) !== undefined;
}

function pictureMime(data: Buffer): string | undefined {
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.toString('latin1', 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (data.toString('latin1', 0, 4) === 'GIF8') return 'image/gif';
  if (data.toString('latin1', 0, 2) === 'BM') return 'image/bmp';
  return undefined;
}

/**
 * What Telegram records as the mime type of an upload: grammY sends every file as application/octet-stream, so
 * the type comes from the content where it is recognisable, else from the file name.
 */
export function detectMime(data: Buffer, fileName: string | undefined): string {
  const picture = pictureMime(data);
  if (picture) return picture;
  if (data.toString('latin1', 0, 4) === 'OggS') return 'audio/ogg';
  if (data.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  return (ext && BY_EXTENSION[ext]) || 'application/octet-stream';
}

/** Width and height of a PNG (its IHDR); other pictures get a plausible size. */
function pictureSize(data: Buffer): { width: number; height: number } {
  if (pictureMime(data) === 'image/png' && data.length >= 24) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  return { width: 800, height: 600 };
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private next = 1;

  add(kind: MediaKind, data: Buffer, fileName?: string, mimeType?: string): StoredFile {
    const n = this.next++;
    const mime = mimeType ?? detectMime(data, fileName);
    const ext = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '')?.[1] ?? Object.entries(BY_EXTENSION).find(([, m]) => m === mime)?.[0] ?? 'bin';
    const file: StoredFile = {
      // Real file_ids are long opaque strings; these are unique and recognisable in a failing test's output.
      fileId: `F${n}_${kind}_${randomBytes(6).toString('base64url')}`,
      uniqueId: `U${n}${randomBytes(3).toString('hex')}`,
      path: `${FOLDERS[kind]}/file_${n}.${ext}`,
      kind,
      data,
      ...(fileName !== undefined ? { fileName } : {}),
      mimeType: mime,
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.path, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  /**
   * The fields a message carrying this file has, as Telegram fills them. A photo comes as sizes: a small thumbnail
   * (its own file, a few bytes) then the picture itself, largest last.
   */
  mediaFields(file: StoredFile, extra: { duration?: number; width?: number; height?: number } = {}): Partial<Message> {
    const common = { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.data.length };
    const named = file.fileName !== undefined ? { file_name: file.fileName } : {};
    const duration = extra.duration ?? 1;
    switch (file.kind) {
      case 'photo': {
        const size = pictureSize(file.data);
        // The thumbnail is at most 90 pixels wide, never larger than the picture.
        const scale = Math.min(1, 90 / size.width);
        const thumbData = file.data.subarray(0, Math.min(file.data.length, 32));
        const thumb = this.add('photo', Buffer.from(thumbData), undefined, file.mimeType);
        const sizes: PhotoSize[] = [
          {
            file_id: thumb.fileId,
            file_unique_id: thumb.uniqueId,
            file_size: thumb.data.length,
            width: Math.max(1, Math.round(size.width * scale)),
            height: Math.max(1, Math.round(size.height * scale)),
          },
          { ...common, ...size },
        ];
        return { photo: sizes };
      }
      case 'voice':
        return { voice: { ...common, duration, mime_type: file.mimeType } };
      case 'audio':
        return { audio: { ...common, ...named, duration, mime_type: file.mimeType } };
      case 'video':
        return { video: { ...common, ...named, duration, width: extra.width ?? 640, height: extra.height ?? 360, mime_type: file.mimeType } };
      case 'sticker':
        return { sticker: { ...common, type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '👍' } };
      default:
        return { document: { ...common, ...named, mime_type: file.mimeType } };
    }
  }
}
