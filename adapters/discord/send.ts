// OutboundMessage → Discord REST calls. One delivery = one call of send(); it never retries or sleeps (discord.js
// is configured to reject rate limits and not to retry), and every failure leaves as a DeliveryError.
//
// Mentions: allowed_mentions always lists only the users Quartier means to mention, so no text — relayed or not —
// can ping @everyone, @here, a role or anyone else. Identity posts go through one webhook per channel named
// "Quartier", created on demand and found again after a restart.
//
// Private messages: a target `discord:@<userId>` is a user, not a channel (`@` never starts a channel snowflake, so
// the two cannot clash; src/core/private-chat.ts builds these). Its DM channel is
// opened with POST /users/@me/channels (idempotent on Discord's side) and cached; a user who does not accept DMs
// from the guild's members (50007) is a permanent failure, so the caller can fall back to a mention.
//
// Files (message.uploads, bridged from elsewhere): multipart posts, payload_json plus files[n] with a matching
// `attachments` array, at most 10 files a message. They go with the text's last part, like a caption under the text;
// more files follow as file-only messages. Voice notes go as ordinary audio files: Discord's voice-message flag needs
// a waveform we do not have. An edit changes the text only; attachments stay where they are.
import { createHash } from 'node:crypto';
import { Routes, type RawFile, type REST } from 'discord.js';
import type { Logger } from 'pino';
import { splitChatMessageId, unqualify } from '../../src/core/envelope.js';
import { DeliveryError, isMemberAction, type DeliveryResult, type OutboundMessage, type Upload } from '../../src/core/outbound.js';
import { planEdit, planSend, postInOrder, type Post as PlannedPost } from '../../src/queue/sending-plan.js';
import { CODES, isDiscordCode, toDeliveryError } from './errors.js';
import { fileBatches, uploadName } from './files.js';
import { renderParts, type RenderedPart } from './format.js';
import { memberAction } from './members.js';
import { messageRef } from './normalize.js';

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const CALLBACK_CHANNEL_MESSAGE = 4;
export const WEBHOOK_NAME = 'Quartier';

interface ApiMessage {
  id: string;
  channel_id: string;
  flags?: number;
  attachments?: unknown[];
}

interface Webhook {
  id: string;
  token: string;
}

type Body = Record<string, unknown>;

/** One message to post: its JSON body (absent for files alone) and the files it carries (multipart then). */
type Post = PlannedPost<Body, Upload>;

/** What a post without text says about mentions: nothing may ping. */
const NO_MENTIONS = { allowed_mentions: { parse: [], users: [], replied_user: false } };

export interface SenderOptions {
  rest: REST;
  /** Our application id (interaction webhooks, recognising our webhooks). */
  applicationId: () => Promise<string>;
  /** Filled with the ids of our webhooks, so normalize can ignore their echoes. */
  ownWebhookIds: Set<string>;
  logger: Logger;
  /** The bytes of one message's files together (see files.ts). */
  requestBudget?: number;
  /** The guild of a channel, for member actions (see members.ts). */
  guildOf: (channelId: string) => Promise<string | undefined>;
}

/** Webhook usernames may not contain these (Discord rejects the post). */
function webhookUsername(name: string): string {
  const cleaned = name
    .replace(/discord|clyde/gi, (w) => `${w[0]}\u200b${w.slice(1)}`)
    .replace(/[@#:]|```/g, '')
    .trim()
    .slice(0, 80);
  return cleaned && !['everyone', 'here'].includes(cleaned.toLowerCase()) ? cleaned : WEBHOOK_NAME;
}

/**
 * The nonce of one post of one delivery: the same for every attempt (it names the message, its target and the part),
 * at most 25 characters as Discord requires. With `enforce_nonce`, Discord answers a post whose nonce it saw from us in
 * the last few minutes with the message it already created: a retry after a crash between Discord's answer and our
 * record of it gets the first message back instead of posting a second.
 */
export function postNonce(message: OutboundMessage, part: number): string {
  return createHash('sha256').update(`${message.id}\n${message.target}\n${part}`).digest('base64url').slice(0, 25);
}

function parseRef(ref: string): { channelId: string; messageId: string } {
  const parts = splitChatMessageId(ref);
  if (!parts) throw new DeliveryError('permanent', `not a Discord message id: ${ref}`);
  return { channelId: parts.chat, messageId: parts.message };
}

/**
 * A post that failed after earlier ones: as a DeliveryError, which the shared plan makes name the earlier ones
 * (deliveredIds) so the retry resumes after them. The first post's failure, and a deleted webhook (withWebhook forgets
 * it and the send is retried whole), go up as they are.
 */
function postFailure(error: unknown, postedBefore: number): DeliveryError | undefined {
  if (postedBefore === 0 || isDiscordCode(error, CODES.unknownWebhook) || isDiscordCode(error, CODES.invalidWebhookToken)) return undefined;
  return toDeliveryError(error, 'discord post');
}

/** The body of a post: its text's, or for files alone one that lets nothing ping. */
const bodyOf = (post: Post): Body => post.text ?? { ...NO_MENTIONS };

function buttonRows(message: OutboundMessage): Body[] | undefined {
  if (!message.buttons?.length) return undefined;
  const rows: Body[] = [];
  const buttons = message.buttons.slice(0, 25);
  for (let i = 0; i < buttons.length; i += 5) {
    rows.push({ type: 1, components: buttons.slice(i, i + 5).map((b) => ({ type: 2, style: 2, label: b.label.slice(0, 80), custom_id: b.data })) });
  }
  return rows;
}

export class DiscordSender {
  private readonly webhooks = new Map<string, Promise<Webhook>>();
  /** User id → their DM channel id (a DM channel never changes for a bot and a user). */
  private readonly dmChannels = new Map<string, string>();

  constructor(private readonly options: SenderOptions) {}

  private get rest(): REST {
    return this.options.rest;
  }

  async send(message: OutboundMessage): Promise<DeliveryResult> {
    try {
      const { platform, bare } = unqualify(message.target);
      if (platform !== 'discord') throw new DeliveryError('permanent', `not a Discord chat: ${message.target}`);
      if (isMemberAction(message.action)) return await memberAction({ rest: this.rest, guildOf: this.options.guildOf }, bare, { ...message, action: message.action });
      const channelId = bare.startsWith('@') ? await this.dmChannel(bare.slice(1)) : bare;
      if (message.action === 'delete') return await this.remove(message, channelId);
      if (message.action === 'edit') return await this.edit(message, channelId);
      const parts = this.parts(message);
      if (message.interaction) {
        // Commands answer with text; only bridge relays carry files, and they never answer an interaction.
        if (message.uploads?.length) throw new DeliveryError('permanent', 'files cannot go with an interaction answer');
        return await this.answerInteraction(message, parts);
      }
      const posts = this.withUploads(message, parts);
      if (message.identity) return await this.postAs(message, channelId, posts);
      return await this.post(message, channelId, posts);
    } catch (error) {
      // A delete refused for lack of rights lacks MANAGE_MESSAGES (someone else's message), not SEND_MESSAGES.
      const mapped = toDeliveryError(error, `discord ${message.action} ${message.id}`, message.action === 'delete' ? 'MANAGE_MESSAGES' : 'SEND_MESSAGES');
      // Only a plain send resumes part-way; an edit (whose extra parts go through post) is redone whole.
      if (message.action !== 'send' && mapped.details.deliveredIds) {
        const { deliveredIds: _dropped, ...details } = mapped.details;
        throw new DeliveryError(mapped.kind, mapped.message, details);
      }
      throw mapped;
    }
  }

  /**
   * The text's parts. Empty text is an error, except beside files (a file-only post) and in an edit (the text of a
   * file's copy was removed).
   */
  private parts(message: OutboundMessage): Body[] {
    const rendered: RenderedPart[] = renderParts(message);
    if (rendered.length === 0 || (rendered.length === 1 && !rendered[0]!.content.trim() && !message.buttons?.length)) {
      if (message.uploads?.length || message.action === 'edit') return [];
      throw new DeliveryError('permanent', 'nothing to send: empty text');
    }
    const rows = buttonRows(message);
    // An edit replaces the buttons too: without any, every part says `components: []`, or Discord would keep the old
    // ones (a closed help request would still offer "I can help").
    const edit = message.action === 'edit';
    return rendered.map((part, i) => {
      const components = rows && i === rendered.length - 1 ? rows : edit ? [] : undefined;
      return {
        content: part.content,
        allowed_mentions: { parse: [], users: part.userIds, replied_user: false },
        ...(components ? { components } : {}),
      };
    });
  }

  /**
   * The messages to post, in order (the shared plan, files in batches of what one request carries): the text parts,
   * the last of them carrying the first files, then the other files in messages of their own. Without text the files
   * start at once.
   */
  private withUploads(message: OutboundMessage, parts: Body[]): Post[] {
    return planSend(parts, fileBatches(message.uploads ?? [], this.options.requestBudget), { where: 'with-last-text' });
  }

  /**
   * Posts each message through `call` (the shared plan: resumeAfter counts across text and files alike, partLimit
   * stops early, a failure names those posted before it).
   */
  private async postEach(message: OutboundMessage, posts: Post[], call: (post: Post, i: number) => Promise<unknown>): Promise<DeliveryResult> {
    return postInOrder(message, posts, {
      async post(post, i) {
        const sent = (await call(post, i)) as ApiMessage;
        return messageRef(sent.channel_id, sent.id);
      },
      fileOnly: (post) => post.files.length > 0 && !String(post.text?.content ?? '').trim(),
      failure: (error, _post, postedBefore) => postFailure(error, postedBefore),
    });
  }

  private async post(message: OutboundMessage, channelId: string, posts: Post[]): Promise<DeliveryResult> {
    const where = message.threadId ?? channelId;
    const reply = message.replyTo ? parseRef(message.replyTo) : undefined;
    return this.postEach(message, posts, (post, i) => {
      // Only the first part replies; a reply to a message elsewhere would be refused, so it is left out.
      const replying = i === 0 && reply && reply.channelId === where ? { message_reference: { message_id: reply.messageId, channel_id: where, fail_if_not_exists: false } } : {};
      const body = { ...bodyOf(post), ...replying, nonce: postNonce(message, i), enforce_nonce: true };
      return this.rest.post(Routes.channelMessages(where), multipart(body, post.files));
    });
  }

  private async dmChannel(userId: string): Promise<string> {
    const known = this.dmChannels.get(userId);
    if (known) return known;
    const channel = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
    this.dmChannels.set(userId, channel.id);
    return channel.id;
  }

  // ---- webhooks (identity) -----------------------------------------------------------------------------------

  private webhook(channelId: string): Promise<Webhook> {
    let pending = this.webhooks.get(channelId);
    if (!pending) {
      pending = this.findOrCreateWebhook(channelId);
      // A failed lookup must not stick: the next delivery tries again.
      pending.catch(() => this.webhooks.delete(channelId));
      this.webhooks.set(channelId, pending);
    }
    return pending;
  }

  private async findOrCreateWebhook(channelId: string): Promise<Webhook> {
    const applicationId = await this.options.applicationId();
    const existing = (await this.rest.get(Routes.channelWebhooks(channelId))) as { id: string; token?: string; name: string; application_id?: string | null }[];
    const ours = existing.find((w) => w.name === WEBHOOK_NAME && w.token && w.application_id === applicationId);
    const webhook = ours ?? ((await this.rest.post(Routes.channelWebhooks(channelId), { body: { name: WEBHOOK_NAME } })) as { id: string; token: string });
    this.options.ownWebhookIds.add(webhook.id);
    return { id: webhook.id, token: webhook.token! };
  }

  private async withWebhook<T>(channelId: string, call: (webhook: Webhook) => Promise<T>): Promise<T> {
    const webhook = await this.webhook(channelId);
    try {
      return await call(webhook);
    } catch (error) {
      // Someone deleted our webhook: forget it so the retry creates a new one.
      if (isDiscordCode(error, CODES.unknownWebhook) || isDiscordCode(error, CODES.invalidWebhookToken)) {
        this.webhooks.delete(channelId);
        throw new DeliveryError('transient', 'webhook was deleted; a new one will be created');
      }
      throw error;
    }
  }

  private async postAs(message: OutboundMessage, channelId: string, posts: Post[]): Promise<DeliveryResult> {
    const identity = message.identity!;
    const query = new URLSearchParams({ wait: 'true' });
    if (message.threadId) query.set('thread_id', message.threadId);
    return this.withWebhook(channelId, (webhook) =>
      this.postEach(message, posts, (post) => {
        // Webhook posts cannot reply (no message_reference); the relay shows the name and avatar instead.
        const body = { ...bodyOf(post), username: webhookUsername(identity.name), ...(identity.avatarUrl ? { avatar_url: identity.avatarUrl } : {}) };
        return this.rest.post(Routes.webhook(webhook.id, webhook.token), { ...multipart(body, post.files), query, auth: false });
      }),
    );
  }

  // ---- interactions (slash commands) -------------------------------------------------------------------------

  private async original(applicationId: string, token: string): Promise<ApiMessage | undefined> {
    try {
      return (await this.rest.get(Routes.webhookMessage(applicationId, token, '@original'), { auth: false })) as ApiMessage;
    } catch (error) {
      if (isDiscordCode(error, CODES.unknownMessage)) return undefined;
      throw error;
    }
  }

  /**
   * The adapter defers every slash command publicly as soon as it is queued (type 5), because whether the answer
   * is ephemeral is only known once the pipeline ran. So:
   * - public answer: the first part replaces the "thinking…" message (PATCH @original), the rest are follow-ups;
   * - ephemeral answer (refusals, usage errors): the public "thinking…" message is deleted first — otherwise
   *   Discord would turn the first follow-up into it, publicly — then the parts go as EPHEMERAL follow-ups.
   * If the answer is ready before the deferral went out, it is sent as the interaction's response itself (type 4),
   * which carries the ephemeral flag properly; the deferral then finds the interaction already answered.
   */
  private async answerInteraction(message: OutboundMessage, parts: Body[]): Promise<DeliveryResult> {
    const { id, token } = message.interaction!;
    const applicationId = await this.options.applicationId();
    const ephemeral = Boolean(message.ephemeral);
    const ids: string[] = [];
    let original = await this.original(applicationId, token);
    let rest = parts;
    if (!original) {
      try {
        const response = (await this.rest.post(Routes.interactionCallback(id, token), {
          body: { type: CALLBACK_CHANNEL_MESSAGE, data: { ...parts[0], ...(ephemeral ? { flags: EPHEMERAL } : {}) } },
          query: new URLSearchParams({ with_response: 'true' }),
          auth: false,
        })) as { resource?: { message?: ApiMessage } } | undefined;
        const sent = response?.resource?.message;
        if (sent) ids.push(messageRef(sent.channel_id, sent.id));
        rest = parts.slice(1);
      } catch (error) {
        if (!isDiscordCode(error, CODES.alreadyAcknowledged)) throw error;
        original = await this.original(applicationId, token);
      }
    }
    const thinking = original && original.flags !== undefined && (original.flags & LOADING) !== 0 ? original : undefined;
    if (thinking && ephemeral && !(thinking.flags! & EPHEMERAL)) {
      await this.ignoreUnknown(this.rest.delete(Routes.webhookMessage(applicationId, token, '@original'), { auth: false }));
    } else if (thinking && rest.length > 0) {
      const edited = (await this.rest.patch(Routes.webhookMessage(applicationId, token, '@original'), { body: rest[0], auth: false })) as ApiMessage;
      ids.push(messageRef(edited.channel_id, edited.id));
      rest = rest.slice(1);
    }
    for (const part of rest) {
      const sent = (await this.rest.post(Routes.webhook(applicationId, token), { body: { ...part, ...(ephemeral ? { flags: EPHEMERAL } : {}) }, auth: false })) as ApiMessage;
      ids.push(messageRef(sent.channel_id, sent.id));
    }
    return { messageIds: ids };
  }

  // ---- edits and deletes -------------------------------------------------------------------------------------

  private async ignoreUnknown(call: Promise<unknown>): Promise<void> {
    try {
      await call;
    } catch (error) {
      // Already gone: the goal of a delete is reached (and a retried delete must not fail).
      if (!isDiscordCode(error, CODES.unknownMessage)) throw error;
    }
  }

  /** The route that may change an earlier post: the interaction's or our webhook's for those, the channel's otherwise. */
  private async editRoute(message: OutboundMessage, channelId: string, ref: { channelId: string; messageId: string }): Promise<{ route: `/${string}`; auth: boolean; query?: URLSearchParams }> {
    if (message.interaction) {
      const applicationId = await this.options.applicationId();
      return { route: Routes.webhookMessage(applicationId, message.interaction.token, ref.messageId), auth: false };
    }
    if (message.identity) {
      const webhook = await this.webhook(channelId);
      const query = ref.channelId !== channelId ? new URLSearchParams({ thread_id: ref.channelId }) : undefined;
      return { route: Routes.webhookMessage(webhook.id, webhook.token, ref.messageId), auth: false, ...(query ? { query } : {}) };
    }
    return { route: Routes.channelMessage(ref.channelId, ref.messageId), auth: true };
  }

  private async remove(message: OutboundMessage, channelId: string): Promise<DeliveryResult> {
    for (const ref of (message.editOf ?? []).map(parseRef)) {
      const { route, auth, query } = await this.editRoute(message, channelId, ref);
      await this.ignoreUnknown(this.rest.delete(route, { auth, ...(query ? { query } : {}) }));
    }
    return { messageIds: [] };
  }

  /**
   * A part the shorter text no longer needs: deleted, unless it carries files (a relayed file with its caption, the
   * files after a long text), which stay with their text emptied. Returns the id of a part kept that way.
   */
  private async dropSurplus(message: OutboundMessage, channelId: string, ref: { channelId: string; messageId: string }): Promise<string | undefined> {
    const { route, auth, query } = await this.editRoute(message, channelId, ref);
    const options = { auth, ...(query ? { query } : {}) };
    let current: ApiMessage | undefined;
    try {
      current = (await this.rest.get(route, options)) as ApiMessage;
    } catch (error) {
      if (isDiscordCode(error, CODES.unknownMessage)) return undefined; // already gone
      // Reading a channel's messages needs READ_MESSAGE_HISTORY; without it the part is deleted, as before files.
      if (!isDiscordCode(error, CODES.missingAccess) && !isDiscordCode(error, CODES.missingPermissions)) throw error;
    }
    if (!current?.attachments?.length) {
      await this.ignoreUnknown(this.rest.delete(route, options));
      return undefined;
    }
    const kept = (await this.rest.patch(route, { body: { content: '', components: [], ...NO_MENTIONS }, ...options })) as ApiMessage;
    return messageRef(kept.channel_id, kept.id);
  }

  /**
   * Edits the earlier parts in place (content only: attachments are left as they are); a longer text adds parts, a
   * shorter one drops the surplus.
   */
  private async edit(message: OutboundMessage, channelId: string): Promise<DeliveryResult> {
    const refs = (message.editOf ?? []).map(parseRef);
    if (refs.length === 0) throw new DeliveryError('permanent', 'edit without editOf');
    const parts = this.parts(message);
    const plan = planEdit(parts, refs);
    const ids: string[] = [];
    for (const { part, previous: ref } of plan.change) {
      const { route, auth, query } = await this.editRoute(message, channelId, ref);
      const edited = (await this.rest.patch(route, { body: part, auth, ...(query ? { query } : {}) })) as ApiMessage;
      ids.push(messageRef(edited.channel_id, edited.id));
    }
    for (const ref of plan.drop) {
      const kept = await this.dropSurplus(message, channelId, ref);
      if (kept) ids.push(kept);
    }
    const extra = plan.add.map(({ part }) => part);
    if (extra.length > 0) {
      const posts = extra.map((body): Post => ({ text: body, files: [] }));
      const more = message.identity
        ? await this.postAs(message, channelId, posts)
        : message.interaction
          ? await this.answerInteraction(message, extra)
          : await this.post({ ...message, replyTo: undefined }, channelId, posts);
      ids.push(...more.messageIds);
    }
    return { messageIds: ids };
  }
}

/**
 * The request options for a body and its files: plain JSON without files; otherwise multipart (discord.js puts the
 * body in payload_json and each file in files[n]) with the `attachments` array naming files[n] by its index n.
 */
function multipart(body: Body, files: Upload[] | undefined): { body: Body; files?: RawFile[] } {
  if (!files?.length) return { body };
  const names = files.map(uploadName);
  return {
    // The spec types an attachment id as a snowflake string; for a new file it is the n of its files[n].
    body: { ...body, attachments: names.map((filename, n) => ({ id: String(n), filename })) },
    files: files.map((file, i) => ({ name: names[i]!, data: file.data, contentType: file.mimeType })),
  };
}
