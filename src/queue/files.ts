// Files travel as references (OutboundFile) and are fetched here, by the delivery worker, just before the send:
// the job stays small, and a file is fetched only when its turn comes. A file that cannot go — larger than the
// target takes, gone at the source, no adapter here that can fetch or upload it — becomes its notice in the text.
// Network trouble at the source is not a reason to give up: it is thrown as transient and the job is retried.
//
// Memory: a job's files are fetched one after another, within a byte budget per job (a file that would take the job
// past it becomes its notice) and a budget for the whole process, shared by the delivery jobs running side by side: a
// job waits for its share before fetching (each file counts for its known size, or for the most the target takes when
// the source did not say), keeps what its files took, and gives that back once its send is over.
import type { PlatformAdapter } from '../core/adapter.js';
import type { Platform } from '../core/envelope.js';
import { appendNotice, DeliveryError, type OutboundFile, type OutboundMessage, type Upload } from '../core/outbound.js';

export type FileSources = (platform: Platform) => PlatformAdapter | undefined;

export interface ResolvedFiles {
  message: OutboundMessage;
  /** Why each file that became a notice could not go (for the log). */
  refused: { fileName?: string; reason: string }[];
  /** Gives back the bytes this job held of the process's budget: call it once the send is over, whatever happened. */
  release: () => void;
}

/** A job's share of the process's file budget. */
export interface FileShare {
  readonly bytes: number;
  /** Gives back all but `bytes` at once (what the files turned out to take). */
  shrink(bytes: number): void;
  /** Gives the share back (once; later calls do nothing). */
  release(): void;
}

/**
 * Bytes of file data the delivery jobs of one process may hold at once. A job asks for its whole share before fetching
 * anything (so no job waits while holding bytes, and none can wait for another forever), in turn.
 */
export class FileBudget {
  private available: number;
  private readonly waiting: { bytes: number; grant: () => void }[] = [];
  /** The most held at once since the start (for the benchmark and tests). */
  peak = 0;

  constructor(readonly totalBytes: number) {
    this.available = totalBytes;
  }

  /** Resolves once `bytes` (at most the whole budget) are the caller's. */
  async acquire(bytes: number): Promise<FileShare> {
    let held = Math.max(0, Math.min(bytes, this.totalBytes));
    if (this.waiting.length > 0 || held > this.available) await new Promise<void>((grant) => this.waiting.push({ bytes: held, grant }));
    else this.take(held);
    return {
      bytes: held,
      shrink: (bytes) => {
        const kept = Math.max(0, Math.min(bytes, held));
        this.give(held - kept);
        held = kept;
      },
      release: () => {
        this.give(held);
        held = 0;
      },
    };
  }

  private take(bytes: number): void {
    this.available -= bytes;
    this.peak = Math.max(this.peak, this.totalBytes - this.available);
  }

  private give(bytes: number): void {
    if (bytes <= 0) return;
    this.available += bytes;
    // In turn: the first in line goes when its share is free, and nobody overtakes it.
    while (this.waiting[0] && this.waiting[0].bytes <= this.available) {
      const next = this.waiting.shift()!;
      this.take(next.bytes);
      next.grant();
    }
  }
}

export interface FileBudgets {
  /** Most bytes of files one delivery job holds. */
  perJobBytes: number;
  /** Shared by every delivery job of the process. */
  worker: FileBudget;
}

async function fetchOne(file: OutboundFile, target: PlatformAdapter, sources: FileSources, room: number): Promise<Upload | string> {
  const limit = target.uploadLimit?.(file.kind);
  if (!limit) return `${target.platform} takes no files from us`;
  if (file.size !== undefined && file.size > limit) return `${file.size} bytes is over ${target.platform}'s ${limit}`;
  if (file.size !== undefined && file.size > room) return `${file.size} bytes is over the ${room} bytes left of this delivery's memory budget`;
  const source = sources(file.source.platform);
  if (!source?.download) return `no way to fetch files from ${file.source.platform} here`;
  // The source reads at most this much: the target's limit, and what is left of the job's budget.
  const cap = Math.min(limit, room);
  try {
    const upload = await source.download({ kind: file.kind, fileRef: file.source.fileRef, fileName: file.fileName, mimeType: file.mimeType }, cap);
    if (upload.data.length > room) return `${upload.data.length} bytes is over the ${room} bytes left of this delivery's memory budget`;
    if (upload.data.length > limit) return `${upload.data.length} bytes is over ${target.platform}'s ${limit}`;
    return upload;
  } catch (error) {
    if (error instanceof DeliveryError && error.kind === 'permanent') return error.message;
    throw error instanceof DeliveryError ? error : new DeliveryError('transient', `fetching a file: ${String(error)}`);
  }
}

/** The message with its files fetched into `uploads`, and a notice (italic, on its own line) for each that cannot go. */
export async function resolveFiles(message: OutboundMessage, target: PlatformAdapter, sources: FileSources, budgets?: FileBudgets): Promise<ResolvedFiles> {
  const files = message.files ?? [];
  if (files.length === 0 || message.action !== 'send') return { message, refused: [], release: () => {} };
  // The whole share at once, before any fetch: each file for its size when known, else the most the target takes.
  const wanted = files.reduce((sum, f) => sum + (f.size ?? target.uploadLimit?.(f.kind) ?? 0), 0);
  const share = budgets ? await budgets.worker.acquire(Math.min(wanted, budgets.perJobBytes)) : undefined;
  const uploads: Upload[] = [];
  const refused: ResolvedFiles['refused'] = [];
  let content = { text: message.text, format: message.format ?? [] };
  let held = 0;
  try {
    for (const file of files) {
      const room = share ? share.bytes - held : Number.MAX_SAFE_INTEGER;
      const outcome = await fetchOne(file, target, sources, room);
      if (typeof outcome !== 'string') {
        uploads.push(outcome);
        held += outcome.data.length;
        continue;
      }
      refused.push({ fileName: file.fileName, reason: outcome });
      content = appendNotice(content, file.notice);
    }
  } catch (error) {
    share?.release();
    throw error;
  }
  // Keep only what the files took (a file of unknown size was counted for the most it could be).
  share?.shrink(held);
  const { files: _files, ...rest } = message;
  return { message: { ...rest, ...content, ...(uploads.length > 0 ? { uploads } : {}) }, refused, release: () => share?.release() };
}
