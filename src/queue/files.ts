// Files travel as references (OutboundFile) and are fetched here, by the delivery worker, just before the send:
// the job stays small, and a file is fetched only when its turn comes. A file that cannot go — larger than the
// target takes, gone at the source, no adapter here that can fetch or upload it — becomes its notice in the text.
// Network trouble at the source is not a reason to give up: it is thrown as transient and the job is retried.
import type { PlatformAdapter } from '../core/adapter.js';
import type { Platform } from '../core/envelope.js';
import { appendNotice, DeliveryError, type OutboundFile, type OutboundMessage, type Upload } from '../core/outbound.js';

export type FileSources = (platform: Platform) => PlatformAdapter | undefined;

export interface ResolvedFiles {
  message: OutboundMessage;
  /** Why each file that became a notice could not go (for the log). */
  refused: { fileName?: string; reason: string }[];
}

async function fetchOne(file: OutboundFile, target: PlatformAdapter, sources: FileSources): Promise<Upload | string> {
  const limit = target.uploadLimit?.(file.kind);
  if (!limit) return `${target.platform} takes no files from us`;
  if (file.size !== undefined && file.size > limit) return `${file.size} bytes is over ${target.platform}'s ${limit}`;
  const source = sources(file.source.platform);
  if (!source?.download) return `no way to fetch files from ${file.source.platform} here`;
  try {
    const upload = await source.download({ kind: file.kind, fileRef: file.source.fileRef, fileName: file.fileName, mimeType: file.mimeType }, limit);
    if (upload.data.length > limit) return `${upload.data.length} bytes is over ${target.platform}'s ${limit}`;
    return upload;
  } catch (error) {
    if (error instanceof DeliveryError && error.kind === 'permanent') return error.message;
    throw error instanceof DeliveryError ? error : new DeliveryError('transient', `fetching a file: ${String(error)}`);
  }
}

/** The message with its files fetched into `uploads`, and a notice (italic, on its own line) for each that cannot go. */
export async function resolveFiles(message: OutboundMessage, target: PlatformAdapter, sources: FileSources): Promise<ResolvedFiles> {
  const files = message.files ?? [];
  if (files.length === 0 || message.action !== 'send') return { message, refused: [] };
  const uploads: Upload[] = [];
  const refused: ResolvedFiles['refused'] = [];
  let content = { text: message.text, format: message.format ?? [] };
  for (const file of files) {
    const outcome = await fetchOne(file, target, sources);
    if (typeof outcome !== 'string') {
      uploads.push(outcome);
      continue;
    }
    refused.push({ fileName: file.fileName, reason: outcome });
    content = appendNotice(content, file.notice);
  }
  const { files: _files, ...rest } = message;
  return { message: { ...rest, ...content, ...(uploads.length > 0 ? { uploads } : {}) }, refused };
}
