// The one capped download of a file over HTTP, for adapters whose platform hands out a URL (Telegram's file path,
// Discord's CDN): a file is never read past the bytes its target takes. The size the server declares is checked
// before any byte is read; a server that does not say (or says wrong) is cut off one byte past the cap.
//
// Failures are DeliveryErrors: a network error, a 5xx or a 429 is transient (the source may answer later); any other
// refusal and a file over the cap are permanent. No URL ever goes into an error: some carry a token or a signature.
import { DeliveryError } from '../core/outbound.js';

export interface CappedDownload {
  /** At most this many bytes are read. */
  limit: number;
  /** Names the file in errors (`telegram file`, `discord file from cdn.discordapp.com`): never the URL. */
  what: string;
  timeoutMs: number;
  /** `manual`: a redirect is a refusal (it could lead off the platform's own hosts). */
  redirect?: 'follow' | 'manual';
}

/** GETs `url`; returns its bytes and the content type the server gave. */
export async function fetchCapped(url: string | URL, options: CappedDownload): Promise<{ data: Buffer; contentType?: string }> {
  const { limit, what } = options;
  let response: Response;
  try {
    response = await fetch(url, { redirect: options.redirect ?? 'follow', signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    throw new DeliveryError('transient', `${what}: network error (${errorCode(error)})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    // 404 (deleted, or a signed URL expired), 403, a redirect: nothing a retry would change.
    const kind = response.status >= 500 || response.status === 429 ? 'transient' : 'permanent';
    throw new DeliveryError(kind, `${what}: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new DeliveryError('permanent', `${what}: ${declared} bytes is over ${limit}`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.length;
      if (total > limit) {
        await response.body?.cancel().catch(() => undefined);
        throw new DeliveryError('permanent', `${what}: more than ${limit} bytes`);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof DeliveryError) throw error;
    throw new DeliveryError('transient', `${what}: network error (${errorCode(error)})`);
  }
  const contentType = response.headers.get('content-type')?.split(';')[0]?.trim() || undefined;
  return { data: Buffer.concat(chunks, total), contentType };
}

/** A short name for a network failure that carries no URL (ECONNRESET, TimeoutError...). */
function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (error instanceof Error && error.name !== 'TypeError' && error.name !== 'Error') return error.name;
  return 'connection failed';
}
