// How every adapter turns one outbound message into the platform messages it posts, written once. Each platform feeds
// it its own data: its text split to its limit, its files grouped as many to a message as it takes, and where its
// text goes beside files (a caption on the first file, or with the last piece of text). The adapters keep only the
// calls to their platform.
//
// - A send is planned as posts in order: the text alone; or the files with the text as the first one's caption when
//   the platform gives one; or the text first, then the files. The files go in the platform's batches.
// - The posts go one after another. A delivery that failed part-way is retried with `resumeAfter` (the posts an earlier
//   attempt made are skipped), and one that holds the chat too long stops after `partLimit` posts, saying `more`: the
//   delivery worker calls again for the rest when the chat's turn comes back. A failure names the posts made before it
//   (deliveredIds), so the retry resumes after them instead of posting them twice.
// - An edit changes the earlier posts in place: a longer text adds posts, a shorter one drops what it no longer needs.
import type { QualifiedId } from '../core/envelope.js';
import { DeliveryError, type DeliveryResult, type OutboundMessage } from '../core/outbound.js';

/** One platform message of a send: a piece of text, files, or files with the text beside them (a caption). */
export interface Post<Text, File> {
  text?: Text;
  files: File[];
}

/**
 * Where a platform puts the text of a message with files:
 * - `caption`: on the first file, when `captionOf` makes one of the text (it fits, and that file takes captions);
 *   otherwise the text goes first and the files after it, without text;
 * - `with-last-text`: the last piece of text carries the first batch of files (Discord's attachments under a text).
 */
export type CaptionRule<Text, File> =
  | { where: 'caption'; captionOf(texts: Text[], firstFiles: File[]): Text | undefined }
  | { where: 'with-last-text' };

/** The posts of a send, in order, from the text's pieces and the files in the platform's batches. */
export function planSend<Text, File>(texts: Text[], fileBatches: File[][], rule: CaptionRule<Text, File>): Post<Text, File>[] {
  const textPosts = texts.map((text): Post<Text, File> => ({ text, files: [] }));
  const [first, ...more] = fileBatches;
  if (!first) return textPosts;
  const fileOnly = (files: File[]): Post<Text, File> => ({ files });
  if (rule.where === 'caption') {
    const caption = rule.captionOf(texts, first);
    if (caption !== undefined) return [{ text: caption, files: first }, ...more.map(fileOnly)];
    return [...textPosts, ...fileBatches.map(fileOnly)];
  }
  const last = textPosts.at(-1);
  if (!last) return fileBatches.map(fileOnly);
  last.files = first;
  return [...textPosts, ...more.map(fileOnly)];
}

/** Files one to a message (Telegram, WhatsApp). */
export function oneFilePerMessage<File>(files: File[]): File[][] {
  return files.map((file) => [file]);
}

export interface PostingSteps<P> {
  /** Posts one message; returns its qualified id. */
  post(post: P, index: number): Promise<QualifiedId>;
  /** Whether the message posted for `post` is a file without text (the bridge keeps such copies when text is removed). */
  fileOnly(post: P): boolean;
  /**
   * The platform's error as a DeliveryError, or undefined to let it through as it is (a caller above handles it: a
   * deleted webhook is forgotten and the send retried whole).
   */
  failure(error: unknown, post: P, postedBefore: number): DeliveryError | undefined;
}

/**
 * Posts `posts` in order from `message.resumeAfter` on, stopping after `message.partLimit` posts when more remain
 * (`more: true`). A failure after some posts names them (deliveredIds, deliveredFileOnlyIds).
 */
export async function postInOrder<P>(message: Pick<OutboundMessage, 'resumeAfter' | 'partLimit'>, posts: P[], steps: PostingSteps<P>): Promise<DeliveryResult> {
  const messageIds: QualifiedId[] = [];
  const fileOnlyIds: QualifiedId[] = [];
  const result = (more: boolean): DeliveryResult => ({ messageIds, ...(fileOnlyIds.length > 0 ? { fileOnlyIds } : {}), ...(more ? { more } : {}) });
  for (const [index, post] of posts.entries()) {
    if (index < (message.resumeAfter ?? 0)) continue; // posted by an earlier attempt of this delivery
    let id: QualifiedId;
    try {
      id = await steps.post(post, index);
    } catch (error) {
      const mapped = steps.failure(error, post, messageIds.length);
      if (!mapped) throw error;
      throw withDelivered(mapped, messageIds, fileOnlyIds);
    }
    messageIds.push(id);
    if (steps.fileOnly(post)) fileOnlyIds.push(id);
    // The rest waits for the chat's next turn: the delivery worker calls again with resumeAfter.
    if (message.partLimit && messageIds.length >= message.partLimit && index < posts.length - 1) return result(true);
  }
  return result(false);
}

/** Names the posts already made when a later one fails, so the retry (resumeAfter) does not make them twice. */
export function withDelivered(error: DeliveryError, ids: QualifiedId[], fileOnlyIds: QualifiedId[] = []): DeliveryError {
  if (ids.length === 0) return error;
  return new DeliveryError(error.kind, error.message, { ...error.details, deliveredIds: [...ids], deliveredFileOnlyIds: [...fileOnlyIds] });
}

/** What an edit does with the earlier posts: pairs to change in place, new pieces to post, earlier posts to drop. */
export interface EditPlan<Part, Previous> {
  change: { part: Part; previous: Previous; index: number }[];
  add: { part: Part; index: number }[];
  drop: Previous[];
}

/** A longer text adds posts after the earlier ones; a shorter one drops the earlier posts it no longer needs. */
export function planEdit<Part, Previous>(parts: Part[], previous: Previous[]): EditPlan<Part, Previous> {
  return {
    change: parts.slice(0, previous.length).map((part, index) => ({ part, previous: previous[index]!, index })),
    add: parts.slice(previous.length).map((part, i) => ({ part, index: previous.length + i })),
    drop: previous.slice(parts.length),
  };
}
