// The stand-in's CDN under /cdn: the bytes of every attachment posted (by the bot, or by a test as a user) and of
// stickers, served without authentication as Discord's CDN serves them, with Content-Length. Tests can make it fail.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { snowflake } from './state.js';

export interface CdnFile {
  data: Buffer;
  contentType?: string;
}

/** An attachment object as Discord returns it on a message. */
export interface ApiAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
  duration_secs?: number;
  waveform?: string;
}

/** Sticker format_type by name (Discord: 1 PNG, 2 APNG, 3 LOTTIE, 4 GIF) and the extension the CDN serves. */
export const STICKER_FORMATS = { png: { type: 1, ext: 'png' }, apng: { type: 2, ext: 'png' }, lottie: { type: 3, ext: 'json' }, gif: { type: 4, ext: 'gif' } } as const;
export type StickerFormat = keyof typeof STICKER_FORMATS;

export class Cdn {
  /** http://127.0.0.1:<port>/cdn once the server listens (what the adapter's cdnUrl should be). */
  url = '';
  /** Path under /cdn → bytes. */
  readonly files = new Map<string, CdnFile>();
  /** Every CDN request: path (no query) and status. */
  readonly log: { path: string; status: number }[] = [];
  /** Test control: answer every request with this status (e.g. 503), or undefined to serve normally. */
  failWith: number | undefined;
  /** Test control: send bodies chunked, without Content-Length (a CDN that does not say the size up front). */
  hideLength = false;

  /** Stores an attachment's bytes and returns its attachment object. */
  storeAttachment(channelId: string, filename: string, data: Buffer, contentType?: string): ApiAttachment {
    const id = snowflake();
    const path = `/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    this.files.set(path, { data, contentType });
    // Real URLs are signed (ex, is, hm) and expire; the stand-in's carry the same parameters, unchecked.
    const url = `${this.url}${path}?ex=ffffffff&is=00000000&hm=standin`;
    return { id, filename, size: data.length, url, proxy_url: url, ...(contentType ? { content_type: contentType } : {}) };
  }

  /** Stores a sticker's image and returns its sticker item. */
  storeSticker(name: string, format: StickerFormat, data: Buffer): { id: string; name: string; format_type: number } {
    const id = snowflake();
    const { type, ext } = STICKER_FORMATS[format];
    const contentType = ext === 'json' ? 'application/json' : `image/${ext}`;
    this.files.set(`/stickers/${id}.${ext}`, { data, contentType });
    return { id, name, format_type: type };
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    // Paths are kept as the URLs give them (the file name percent-encoded).
    const path = new URL(req.url ?? '/', 'http://x').pathname.slice('/cdn'.length);
    const file = this.files.get(path);
    const status = this.failWith ?? (req.method !== 'GET' ? 405 : file ? 200 : 404);
    this.log.push({ path, status });
    if (status !== 200 || !file) {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 404 ? 'Not Found' : 'error');
      return;
    }
    const headers: Record<string, string> = { 'content-type': file.contentType ?? 'application/octet-stream' };
    if (this.hideLength) {
      res.writeHead(200, headers);
      // Two writes, so the body goes chunked.
      res.write(file.data.subarray(0, 1));
      res.end(file.data.subarray(1));
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(file.data.length) });
    res.end(file.data);
  }
}
