// The stand-in's REST API under /api/v10: routes and bodies checked against Discord's OpenAPI description, then the
// behaviour the adapter relies on (permissions, message limits, allowed_mentions, webhooks, interactions, rate
// limits), with Discord's error JSON and codes. Every accepted post is echoed on the gateway as Discord does.
// Message posts may be multipart (payload_json + files[n]): sizes, file counts and the `attachments` array are
// checked as Discord checks them, and the files' bytes go to the stand-in's CDN (cdn.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { checkBody, checkRoute } from './spec.js';
import { Windows, type Limit, type Verdict } from './ratelimit.js';
import { P, snowflake, type ApiMessage, type ApiUser, type ApiWebhook, type Interaction, type World } from './state.js';
import type { Gateway } from './gateway.js';
import type { ApiAttachment, Cdn } from './cdn.js';

export interface RestOptions {
  token: string;
  perChannel: Limit;
  global: Limit;
  interactionDeadlineMs: number;
  gatewayUrl: () => string;
  cdn: Cdn;
  /** Largest file accepted, in bytes (Discord: 10 MiB in a server without boosts). */
  uploadLimit: number;
  /** Largest request body accepted, in bytes (Discord refuses form bodies over about 25 MiB). */
  requestLimit: number;
  /** A message post is answered this long after it was created (a slow network: a crash can fall in between). */
  postAnswerDelayMs?: number;
}

/** A file from a multipart post: its files[n] index, name, type and bytes. */
export interface UploadedFile {
  index: number;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface LoggedRequest {
  method: string;
  path: string;
  template?: string;
  body: unknown;
  /** The files of a multipart post (their bytes are on the CDN once stored). */
  files?: { index: number; name: string; contentType: string; size: number }[];
  status: number;
  response?: unknown;
}

/** Discord's shape for 50035 errors: { field: { _errors: [{ code, message }] } }. */
function invalid(problems: string[] | string, field = '_body'): ApiError {
  const list = Array.isArray(problems) ? problems : [problems];
  return new ApiError(400, 50035, 'Invalid Form Body', { [field]: { _errors: list.map((message) => ({ code: 'BASE_TYPE_INVALID', message })) } });
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: unknown,
  ) {
    super(message);
  }
}

const MESSAGE_LIMIT = 2000;
const FILES_PER_MESSAGE = 10;
/** The posts that take multipart bodies (with files). */
/** How long Discord remembers a nonce for enforce_nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;
const MULTIPART_ROUTES = new Set(['POST /channels/{channel_id}/messages', 'POST /webhooks/{webhook_id}/{webhook_token}']);
const EPHEMERAL = 64;
const LOADING = 128;
const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

type Params = Record<string, string>;
interface Ctx {
  params: Params;
  query: URLSearchParams;
  body: Record<string, unknown>;
  files: UploadedFile[];
}
type Handler = (ctx: Ctx) => { status: number; body?: unknown; headers?: Record<string, string> };

export class Rest {
  readonly log: LoggedRequest[] = [];
  /** 429s sent, by scope. */
  readonly rateLimited = { user: 0, global: 0 };
  private readonly perChannel: Windows;
  private readonly global: Windows;
  private readonly handlers: Record<string, Handler>;

  constructor(
    private readonly world: World,
    private readonly gateway: Gateway,
    private readonly options: RestOptions,
  ) {
    this.perChannel = new Windows(options.perChannel);
    this.global = new Windows(options.global);
    this.handlers = {
      'GET /users/@me': () => ok(this.world.bot),
      'POST /users/@me/channels': (c) => this.openDm(c),
      'GET /applications/@me': () => ok({ id: world.applicationId, name: 'Quartier', bot: world.bot, flags: 0, description: '' }),
      'GET /gateway': () => ok({ url: options.gatewayUrl() }),
      'GET /gateway/bot': () =>
        ok({ url: options.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } }),
      'PUT /applications/{application_id}/commands': (c) => this.putCommands(c),
      'GET /applications/{application_id}/commands': (c) => {
        this.ownApplication(c.params.application_id!);
        return ok(this.world.commands);
      },
      'GET /channels/{channel_id}': (c) => ok(this.visibleChannel(c.params.channel_id!)),
      'GET /guilds/{guild_id}': (c) => {
        if (c.params.guild_id !== world.guild.id) throw new ApiError(404, 10004, 'Unknown Guild');
        return ok(world.guildObject());
      },
      'GET /guilds/{guild_id}/members/{user_id}': (c) => {
        if (c.params.guild_id !== world.guild.id) throw new ApiError(404, 10004, 'Unknown Guild');
        const member = world.members.get(c.params.user_id!);
        if (!member) throw new ApiError(404, 10007, 'Unknown Member');
        return ok(member);
      },
      'PATCH /guilds/{guild_id}/members/{user_id}': (c) => this.patchMember(c),
      'DELETE /guilds/{guild_id}/members/{user_id}': (c) => this.kickMember(c),
      'POST /channels/{channel_id}/messages': (c) => this.postChannelMessage(c),
      'GET /channels/{channel_id}/messages/{message_id}': (c) => {
        if (this.visibleChannel(c.params.channel_id!).type !== 1) this.need(c.params.channel_id!, P.READ_MESSAGE_HISTORY);
        return ok(this.stored(c.params.channel_id!, c.params.message_id!).message);
      },
      'PATCH /channels/{channel_id}/messages/{message_id}': (c) => this.editChannelMessage(c),
      'DELETE /channels/{channel_id}/messages/{message_id}': (c) => this.deleteChannelMessage(c),
      'GET /channels/{channel_id}/webhooks': (c) => {
        this.need(c.params.channel_id!, P.MANAGE_WEBHOOKS);
        return ok([...world.webhooks.values()].filter((w) => w.channel_id === c.params.channel_id));
      },
      'POST /channels/{channel_id}/webhooks': (c) => this.createWebhook(c),
      'POST /webhooks/{webhook_id}/{webhook_token}': (c) => this.executeWebhook(c),
      'GET /webhooks/{webhook_id}/{webhook_token}/messages/@original': (c) => ok(this.original(c).message),
      'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original': (c) => this.editWebhookMessage(c, this.original(c).message.id),
      'DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original': (c) => this.deleteWebhookMessage(c, this.original(c).message.id),
      'GET /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': (c) => ok(this.webhookMessage(c, c.params.message_id!).message),
      'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': (c) => this.editWebhookMessage(c, c.params.message_id!),
      'DELETE /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': (c) => this.deleteWebhookMessage(c, c.params.message_id!),
      'POST /interactions/{interaction_id}/{interaction_token}/callback': (c) => this.callback(c),
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const entry: LoggedRequest = { method, path: url.pathname, body: undefined, status: 0 };
    this.log.push(entry);
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      entry.response = body;
      res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    try {
      if (!url.pathname.startsWith('/api/v10/')) return reply(404, { message: '404: Not Found', code: 0 });
      // discord.js sends `@original` as `%40original`; Discord reads both.
      const path = decodeURIComponent(url.pathname.slice('/api/v10'.length));
      const route = checkRoute(method, path);
      if (!route.ok) return reply(route.status, { message: route.status === 404 ? '404: Not Found' : '405: Method Not Allowed', code: 0 });
      entry.template = route.template;
      const tokenRoute = route.template.startsWith('/webhooks/{webhook_id}/{webhook_token}') || route.template.startsWith('/interactions/');
      if (!tokenRoute && req.headers.authorization !== `Bot ${this.options.token}`) return reply(401, { message: '401: Unauthorized', code: 0 });
      // Interaction callbacks are exempt from the global limit, as on Discord.
      if (!route.template.startsWith('/interactions/')) {
        const verdict = this.global.take('global');
        if (!verdict.ok) return this.tooMany(reply, verdict, true);
      }
      let body: Record<string, unknown> = {};
      let files: UploadedFile[] = [];
      if (raw.length > 0) {
        const type = String(req.headers['content-type']);
        if (type.startsWith('multipart/form-data') && MULTIPART_ROUTES.has(`${method} ${route.template}`)) {
          if (raw.length > this.options.requestLimit) throw new ApiError(413, 40005, 'Request entity too large');
          ({ body, files } = await parseMultipart(raw, type));
          if (files.some((f) => f.data.length > this.options.uploadLimit)) throw new ApiError(413, 40005, 'Request entity too large');
        } else if (type.startsWith('application/json')) {
          body = parseJson(raw.toString('utf8'));
        } else {
          throw invalid(['stand-in accepts JSON bodies, and multipart for message posts']);
        }
      }
      entry.body = body;
      if (files.length > 0) entry.files = files.map((f) => ({ index: f.index, name: f.name, contentType: f.contentType, size: f.data.length }));
      const problems = checkBody(method, route.template, raw.length > 0 ? body : method === 'PUT' ? null : {});
      if (problems.length > 0) throw invalid(problems);
      const handler = this.handlers[`${method} ${route.template}`];
      if (!handler) return reply(404, { message: `stand-in: ${method} ${route.template} is not implemented`, code: 0 });
      const params = paramsOf(route.template, path);
      // Message creation is limited per channel (webhook posts and follow-ups count towards the channel as well).
      const limitedChannel = this.limitedChannel(method, route.template, params);
      let limitHeaders: Record<string, string> = {};
      if (limitedChannel) {
        const verdict = this.perChannel.take(limitedChannel);
        if (!verdict.ok) return this.tooMany(reply, verdict, false);
        limitHeaders = rateHeaders(verdict);
      }
      const result = handler({ params, query: url.searchParams, body, files });
      if (this.options.postAnswerDelayMs && method === 'POST') await new Promise((resolve) => setTimeout(resolve, this.options.postAnswerDelayMs));
      return reply(result.status, result.body, { ...limitHeaders, ...result.headers });
    } catch (error) {
      if (error instanceof ApiError) {
        return reply(error.status, { message: error.message, code: error.code, ...(error.errors ? { errors: error.errors } : {}) });
      }
      return reply(500, { message: `stand-in failure: ${(error as Error).message}`, code: 0 });
    }
  }

  private tooMany(reply: (s: number, b?: unknown, h?: Record<string, string>) => void, verdict: Verdict, global: boolean): void {
    this.rateLimited[global ? 'global' : 'user'] += 1;
    const headers: Record<string, string> = {
      ...rateHeaders(verdict),
      'retry-after': String(Math.ceil(verdict.resetAfter)),
      'x-ratelimit-scope': global ? 'global' : 'user',
    };
    if (global) headers['x-ratelimit-global'] = 'true';
    reply(429, { message: 'You are being rate limited.', retry_after: verdict.resetAfter, global }, headers);
  }

  private limitedChannel(method: string, template: string, params: Params): string | undefined {
    if (method !== 'POST') return undefined;
    if (template === '/channels/{channel_id}/messages') return params.channel_id;
    if (template === '/webhooks/{webhook_id}/{webhook_token}') {
      const webhook = this.world.webhooks.get(params.webhook_id!);
      if (webhook) return webhook.channel_id;
    }
    return undefined;
  }

  // ---- permissions and lookups -------------------------------------------------------------------------------

  private ownApplication(id: string): void {
    if (id !== this.world.applicationId) throw new ApiError(403, 50001, 'Missing Access');
  }

  private visibleChannel(id: string) {
    const channel = this.world.channels.get(id);
    if (!channel) throw new ApiError(404, 10003, 'Unknown Channel');
    if (channel.type === 1) return channel; // a DM channel the bot opened: no guild permissions apply
    if (!(this.world.permissions(this.world.bot.id, id) & P.VIEW_CHANNEL)) throw new ApiError(403, 50001, 'Missing Access');
    return channel;
  }

  private need(channelId: string, permission: bigint): void {
    this.visibleChannel(channelId);
    if (!(this.world.permissions(this.world.bot.id, channelId) & permission)) throw new ApiError(403, 50013, 'Missing Permissions');
  }

  private stored(channelId: string, messageId: string) {
    this.visibleChannel(channelId);
    const stored = this.world.messages.get(messageId);
    if (!stored || stored.deleted || stored.message.channel_id !== channelId || stored.ephemeral) throw new ApiError(404, 10008, 'Unknown Message');
    return stored;
  }

  // ---- members -----------------------------------------------------------------------------------------------

  /**
   * What Discord checks before a timeout or a kick: the bot has the permission (guild-wide), and the target is not the
   * owner, not an administrator, not the bot itself, and has no role as high as the bot's highest. Every refusal is
   * 403 50013 Missing Permissions.
   */
  private moderatable(c: Ctx, permission: bigint) {
    const { guild_id: guildId, user_id: userId } = c.params;
    if (guildId !== this.world.guild.id) throw new ApiError(404, 10004, 'Unknown Guild');
    const member = this.world.members.get(userId!);
    if (!member) throw new ApiError(404, 10007, 'Unknown Member');
    const bot = this.world.bot.id;
    if (!(this.world.guildPermissions(bot) & permission)) throw new ApiError(403, 50013, 'Missing Permissions');
    const isOwner = this.world.guild.owner_id === userId;
    const isAdmin = (this.world.guildPermissions(userId!) & P.ADMINISTRATOR) !== 0n;
    if (userId === bot || isOwner || isAdmin || this.world.highestRole(userId!) >= this.world.highestRole(bot)) {
      throw new ApiError(403, 50013, 'Missing Permissions');
    }
    return member;
  }

  private patchMember(c: Ctx) {
    const fields = Object.keys(c.body);
    if (fields.some((f) => f !== 'communication_disabled_until')) {
      return { status: 400, body: { message: `stand-in: only communication_disabled_until is implemented, got ${fields.join(', ')}`, code: 0 } };
    }
    const member = this.moderatable(c, P.MODERATE_MEMBERS);
    const until = c.body.communication_disabled_until;
    if (until === null || until === undefined) {
      member.communication_disabled_until = null;
    } else {
      const at = Date.parse(String(until));
      // A timeout ends at most 28 days ahead; further is refused.
      if (!Number.isFinite(at) || at > Date.now() + 28 * 24 * 3600_000) {
        throw new ApiError(400, 50035, 'Invalid Form Body', {
          communication_disabled_until: { _errors: [{ code: 'BASE_TYPE_BAD_TIME', message: 'Time must be within 28 days in the future' }] },
        });
      }
      member.communication_disabled_until = new Date(at).toISOString();
    }
    this.gateway.dispatch('GUILD_MEMBER_UPDATE', { guild_id: this.world.guild.id, ...member });
    return ok(member);
  }

  private kickMember(c: Ctx) {
    const member = this.moderatable(c, P.KICK_MEMBERS);
    this.world.members.delete(member.user.id);
    this.gateway.dispatch('GUILD_MEMBER_REMOVE', { guild_id: this.world.guild.id, user: member.user });
    return { status: 204 };
  }

  // ---- commands ----------------------------------------------------------------------------------------------

  private putCommands(c: Ctx) {
    this.ownApplication(c.params.application_id!);
    const commands = c.body as unknown as Record<string, unknown>[];
    const errors = commands.flatMap((cmd, i) => commandProblems(cmd, `${i}`));
    const names = commands.map((cmd) => cmd.name);
    if (new Set(names).size !== names.length) errors.push('application command names must be unique');
    if (errors.length > 0) throw invalid(errors);
    this.world.commands = commands.map((cmd) => ({
      id: snowflake(),
      application_id: this.world.applicationId,
      version: snowflake(),
      type: 1,
      default_member_permissions: null,
      ...cmd,
    }));
    return ok(this.world.commands);
  }

  // ---- messages ----------------------------------------------------------------------------------------------

  /** Create DM: one channel per user, the same one on every call. Opening works even when the user's DMs are closed. */
  private openDm(c: Ctx) {
    const userId = String(c.body.recipient_id ?? '');
    const member = this.world.members.get(userId);
    if (!member || userId === this.world.bot.id) throw new ApiError(400, 50035, 'Invalid Form Body', { recipient_id: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: 'Unknown user' }] } });
    let id = this.world.dmChannels.get(userId);
    if (!id) {
      id = snowflake();
      this.world.dmChannels.set(userId, id);
      this.world.channels.set(id, { id, type: 1, name: '', position: 0, permission_overwrites: [], last_message_id: null, recipients: [member.user] });
    }
    const { id: channelId, type, last_message_id, recipients } = this.world.channels.get(id)!;
    return ok({ id: channelId, type, last_message_id, flags: 0, recipients });
  }

  private postChannelMessage(c: Ctx) {
    const channelId = c.params.channel_id!;
    const channel = this.visibleChannel(channelId);
    if (channel.type === 1) {
      if (this.world.closedDms.has(channel.recipients![0]!.id)) throw new ApiError(403, 50007, 'Cannot send messages to this user');
      return ok(this.createMessage({ channelId, author: this.world.bot, body: c.body, files: c.files, type: 0 }));
    }
    this.need(channelId, channel.type === 11 ? P.SEND_MESSAGES_IN_THREADS : P.SEND_MESSAGES);
    const again = this.sameNonce(channelId, c.body);
    if (again) return ok(again);
    const message = this.createMessage({ channelId, author: this.world.bot, body: c.body, files: c.files, type: 0 });
    this.rememberNonce(channelId, c.body, message);
    return ok(message);
  }

  /**
   * Discord's `enforce_nonce`: a message created by the same author in the same channel with the same nonce in the
   * last few minutes is returned instead of creating a new one. A nonce is an integer or a string of at most 25
   * characters.
   */
  private sameNonce(channelId: string, body: Record<string, unknown>): ApiMessage | undefined {
    const { nonce, enforce_nonce: enforce } = body;
    if (nonce === undefined || nonce === null) return undefined;
    if (!(typeof nonce === 'number' && Number.isInteger(nonce)) && !(typeof nonce === 'string' && nonce.length <= 25)) {
      throw invalid(['nonce: must be an integer or a string of at most 25 characters']);
    }
    if (enforce !== undefined && typeof enforce !== 'boolean') throw invalid(['enforce_nonce: must be a boolean']);
    if (!enforce) return undefined;
    const seen = this.world.nonces.get(`${channelId} ${this.world.bot.id} ${nonce}`);
    if (!seen || Date.now() - seen.at > NONCE_WINDOW_MS) return undefined;
    const stored = this.world.messages.get(seen.messageId);
    if (!stored || stored.deleted) return undefined;
    this.world.nonceHits += 1;
    return stored.message;
  }

  private rememberNonce(channelId: string, body: Record<string, unknown>, message: ApiMessage): void {
    if (body.enforce_nonce === true && body.nonce !== undefined && body.nonce !== null) {
      this.world.nonces.set(`${channelId} ${this.world.bot.id} ${String(body.nonce)}`, { messageId: message.id, at: Date.now() });
    }
  }

  private editChannelMessage(c: Ctx) {
    const stored = this.stored(c.params.channel_id!, c.params.message_id!);
    if ((stored.message.author as ApiUser).id !== this.world.bot.id || stored.webhookId) {
      throw new ApiError(403, 50005, 'Cannot edit a message authored by another user');
    }
    return ok(this.applyEdit(stored, c.body));
  }

  private deleteChannelMessage(c: Ctx) {
    const stored = this.stored(c.params.channel_id!, c.params.message_id!);
    if ((stored.message.author as ApiUser).id !== this.world.bot.id) this.need(c.params.channel_id!, P.MANAGE_MESSAGES);
    this.remove(stored);
    return { status: 204 };
  }

  /** Validates content, mentions, components and reply, stores the message and echoes it on the gateway. */
  private createMessage(input: {
    channelId: string;
    author: ApiUser;
    body: Record<string, unknown>;
    files?: UploadedFile[];
    type: number;
    webhook?: ApiWebhook;
    interaction?: Interaction;
    ephemeral?: boolean;
    flags?: number;
  }): ApiMessage {
    const { body, channelId } = input;
    const files = input.files ?? [];
    const named = attachmentNames(body.attachments, files);
    checkContent(body, true, files.length > 0);
    const allowed = checkAllowedMentions(body.allowed_mentions);
    checkComponents(body.components);
    const channel = this.world.channels.get(channelId)!;
    let reference: Record<string, unknown> | undefined;
    let referenced: ApiMessage | undefined;
    const ref = body.message_reference as { message_id: string; channel_id?: string; fail_if_not_exists?: boolean } | undefined | null;
    if (ref) {
      if (input.webhook || input.interaction) throw invalid(['message_reference: webhooks cannot reply']);
      const target = this.world.messages.get(ref.message_id);
      const usable = target && !target.deleted && target.message.channel_id === channelId && (!ref.channel_id || ref.channel_id === channelId);
      if (usable) {
        referenced = target.message;
        reference = { type: 0, message_id: ref.message_id, channel_id: channelId, guild_id: channel.guild_id };
      } else if (ref.fail_if_not_exists !== false) {
        throw new ApiError(400, 50035, 'Invalid Form Body', { message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] } });
      }
    }
    const id = snowflake();
    const content = typeof body.content === 'string' ? body.content : '';
    const attachments = files.map((file) => this.options.cdn.storeAttachment(channelId, named.get(file.index) ?? file.name, file.data, file.contentType || undefined));
    const pings = this.pingsOf(content, allowed, referenced);
    for (const ping of pings) this.world.pings.push({ messageId: id, channelId, ...ping });
    const userPings = pings.filter((p) => p.kind === 'user').map((p) => p.id!);
    const message: ApiMessage = {
      id,
      channel_id: channelId,
      author: input.author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: pings.some((p) => p.kind === 'everyone' || p.kind === 'here'),
      mentions: userPings.map((u) => this.world.members.get(u)?.user).filter(Boolean),
      mention_roles: pings.filter((p) => p.kind === 'role').map((p) => p.id),
      attachments,
      embeds: (body.embeds as unknown[]) ?? [],
      components: (body.components as unknown[]) ?? [],
      pinned: false,
      type: referenced ? 19 : input.type,
      flags: (input.flags ?? 0) | (input.ephemeral ? EPHEMERAL : 0),
      ...(reference ? { message_reference: reference, referenced_message: referenced } : {}),
      ...(input.webhook ? { webhook_id: input.webhook.id, ...(input.webhook.application_id ? { application_id: input.webhook.application_id } : {}) } : {}),
      ...(input.interaction
        ? {
            webhook_id: this.world.applicationId,
            application_id: this.world.applicationId,
            interaction_metadata: { id: input.interaction.id, type: input.interaction.type, user: this.world.members.get(input.interaction.userId)?.user, authorizing_integration_owners: { '0': this.world.guild.id } },
          }
        : {}),
    };
    this.world.messages.set(id, { message, deleted: false, ephemeral: Boolean(input.ephemeral), webhookId: input.webhook?.id ?? (input.interaction ? this.world.applicationId : undefined) });
    // DMs are not echoed: the bot does not ask for the DirectMessages intent.
    if (!input.ephemeral && channel.type !== 1) this.echo('MESSAGE_CREATE', message, !input.webhook);
    return message;
  }

  private applyEdit(stored: { message: ApiMessage; ephemeral: boolean }, body: Record<string, unknown>): ApiMessage {
    checkContent(body, false);
    const allowed = checkAllowedMentions(body.allowed_mentions);
    checkComponents(body.components);
    const message = stored.message;
    // The message as it would be, checked before anything changes: a refused edit leaves it as it was.
    const content = 'content' in body ? ((body.content as string | null) ?? '') : message.content;
    const components = 'components' in body ? ((body.components as unknown[]) ?? []) : (message.components as unknown[]);
    const embeds = 'embeds' in body ? ((body.embeds as unknown[]) ?? []) : (message.embeds as unknown[]);
    // Without `attachments` an edit keeps them; with it, only those it lists by id stay.
    let attachments = (message.attachments as ApiAttachment[] | undefined) ?? [];
    if ('attachments' in body) {
      const keep = new Set(((body.attachments as { id: string | number }[] | null) ?? []).map((a) => String(a.id)));
      attachments = attachments.filter((a) => keep.has(a.id));
    }
    if (!content && !embeds.length && !components.length && !attachments.length) throw new ApiError(400, 50006, 'Cannot send an empty message');
    if ('content' in body) {
      for (const ping of this.pingsOf(content, allowed, undefined)) this.world.pings.push({ messageId: message.id, channelId: message.channel_id, ...ping });
    }
    Object.assign(message, { content, components, embeds, attachments });
    message.flags &= ~LOADING;
    message.edited_timestamp = new Date().toISOString();
    if (!stored.ephemeral) this.echo('MESSAGE_UPDATE', message, false);
    return message;
  }

  private remove(stored: { message: ApiMessage; deleted: boolean; ephemeral: boolean }): void {
    stored.deleted = true;
    const channel = this.world.channels.get(stored.message.channel_id);
    if (!stored.ephemeral) this.gateway.dispatch('MESSAGE_DELETE', { id: stored.message.id, channel_id: stored.message.channel_id, guild_id: channel?.guild_id });
  }

  private echo(t: string, message: ApiMessage, withMember: boolean): void {
    const channel = this.world.channels.get(message.channel_id);
    const author = message.author as ApiUser;
    const member = withMember ? this.world.members.get(author.id) : undefined;
    const extra: Record<string, unknown> = { guild_id: channel?.guild_id };
    if (member) extra.member = { roles: member.roles, nick: member.nick, joined_at: member.joined_at, deaf: false, mute: false, flags: 0 };
    this.gateway.dispatch(t, { ...message, ...extra });
  }

  /** Who would be notified: Discord parses mentions from content, then allowed_mentions filters them. */
  private pingsOf(content: string, allowed: Allowed, referenced: ApiMessage | undefined): { kind: 'user' | 'role' | 'everyone' | 'here'; id?: string }[] {
    const pings: { kind: 'user' | 'role' | 'everyone' | 'here'; id?: string }[] = [];
    const seen = new Set<string>();
    for (const match of content.matchAll(/<@!?(\d+)>/g)) {
      const id = match[1]!;
      if (!seen.has(`u${id}`) && (allowed.parse.has('users') || allowed.users.has(id))) pings.push({ kind: 'user', id });
      seen.add(`u${id}`);
    }
    for (const match of content.matchAll(/<@&(\d+)>/g)) {
      const id = match[1]!;
      if (!seen.has(`r${id}`) && (allowed.parse.has('roles') || allowed.roles.has(id))) pings.push({ kind: 'role', id });
      seen.add(`r${id}`);
    }
    if (allowed.parse.has('everyone')) {
      if (content.includes('@everyone')) pings.push({ kind: 'everyone' });
      if (content.includes('@here')) pings.push({ kind: 'here' });
    }
    if (referenced && allowed.repliedUser) {
      const author = (referenced.author as ApiUser).id;
      if (!seen.has(`u${author}`)) pings.push({ kind: 'user', id: author });
    }
    return pings;
  }

  // ---- webhooks ----------------------------------------------------------------------------------------------

  private createWebhook(c: Ctx) {
    const channelId = c.params.channel_id!;
    this.need(channelId, P.MANAGE_WEBHOOKS);
    const channel = this.world.channels.get(channelId)!;
    if (channel.type === 11) throw new ApiError(400, 50024, 'Cannot execute action on this channel type');
    const name = String(c.body.name);
    if (/clyde|discord/i.test(name)) throw new ApiError(400, 50035, 'Invalid Form Body', { name: { _errors: [{ code: 'WEBHOOK_INVALID_NAME', message: 'Webhook names cannot contain "clyde" or "discord"' }] } });
    if ([...this.world.webhooks.values()].filter((w) => w.channel_id === channelId).length >= 15) throw new ApiError(400, 30007, 'Maximum number of webhooks reached (15)');
    const webhook: ApiWebhook = {
      id: snowflake(),
      type: 1,
      token: randomBytes(24).toString('base64url'),
      name,
      avatar: null,
      channel_id: channelId,
      guild_id: channel.guild_id!,
      application_id: this.world.applicationId,
      user: this.world.bot,
    };
    this.world.webhooks.set(webhook.id, webhook);
    return ok(webhook);
  }

  private executeWebhook(c: Ctx) {
    const interaction = this.interactionFor(c.params.webhook_id!, c.params.webhook_token!);
    if (interaction) return this.followUp(c, interaction);
    const webhook = this.webhookFor(c.params.webhook_id!, c.params.webhook_token!);
    let channelId = webhook.channel_id;
    const threadId = c.query.get('thread_id');
    if (threadId) {
      const thread = this.world.channels.get(threadId);
      if (!thread || thread.parent_id !== webhook.channel_id) throw new ApiError(400, 10003, 'Unknown Channel');
      channelId = threadId;
    }
    const username = c.body.username as string | undefined;
    if (username !== undefined && username !== null) checkWebhookUsername(username);
    const author: ApiUser = { id: webhook.id, username: username ?? webhook.name, global_name: null, discriminator: '0000', avatar: null, bot: true };
    if ((c.body.components as unknown[] | undefined)?.length && !webhook.application_id) throw invalid(['components need an application-owned webhook']);
    const message = this.createMessage({ channelId, author, body: c.body, files: c.files, type: 0, webhook });
    if (c.query.get('wait') === 'true') return ok(message);
    return { status: 204 };
  }

  private webhookFor(id: string, token: string): ApiWebhook {
    const webhook = this.world.webhooks.get(id);
    if (!webhook || webhook.token !== token) throw new ApiError(404, 10015, 'Unknown Webhook');
    return webhook;
  }

  private webhookMessage(c: Ctx, messageId: string) {
    const interaction = this.interactionFor(c.params.webhook_id!, c.params.webhook_token!);
    const owner = interaction ? this.world.applicationId : this.webhookFor(c.params.webhook_id!, c.params.webhook_token!).id;
    const stored = this.world.messages.get(messageId);
    if (!stored || stored.deleted || stored.webhookId !== owner) throw new ApiError(404, 10008, 'Unknown Message');
    return stored;
  }

  private editWebhookMessage(c: Ctx, messageId: string) {
    return ok(this.applyEdit(this.webhookMessage(c, messageId), c.body));
  }

  private deleteWebhookMessage(c: Ctx, messageId: string) {
    this.remove(this.webhookMessage(c, messageId));
    return { status: 204 };
  }

  // ---- interactions ------------------------------------------------------------------------------------------

  private interactionFor(applicationId: string, token: string): Interaction | undefined {
    if (applicationId !== this.world.applicationId) return undefined;
    const interaction = [...this.world.interactions.values()].find((i) => i.token === token);
    if (!interaction) throw new ApiError(401, 50027, 'Invalid Webhook Token');
    return interaction;
  }

  private original(c: Ctx) {
    const interaction = this.interactionFor(c.params.webhook_id!, c.params.webhook_token!);
    if (!interaction) throw new ApiError(404, 10015, 'Unknown Webhook');
    const stored = interaction.originalId ? this.world.messages.get(interaction.originalId) : undefined;
    if (!stored || stored.deleted) throw new ApiError(404, 10008, 'Unknown Message');
    return stored;
  }

  private callback(c: Ctx) {
    const interaction = this.world.interactions.get(c.params.interaction_id!);
    if (!interaction || interaction.token !== c.params.interaction_token) throw new ApiError(404, 10062, 'Unknown interaction');
    if (Date.now() - interaction.createdAt > this.options.interactionDeadlineMs) throw new ApiError(404, 10062, 'Unknown interaction');
    if (interaction.callbackType !== undefined) throw new ApiError(400, 40060, 'Interaction has already been acknowledged.');
    const type = Number(c.body.type);
    const data = (c.body.data ?? {}) as Record<string, unknown>;
    const flags = Number(data.flags ?? 0);
    if (flags & ~(EPHEMERAL | 4 | 4096)) throw invalid('invalid flags', 'data.flags');
    const ephemeral = Boolean(flags & EPHEMERAL);
    switch (type) {
      case 4: {
        const message = this.createMessage({ channelId: interaction.channelId, author: this.world.bot, body: data, type: 20, interaction, ephemeral });
        interaction.originalId = message.id;
        break;
      }
      case 5: {
        // The "thinking…" placeholder: empty content, LOADING flag, visibility fixed now.
        const message = this.createMessage({ channelId: interaction.channelId, author: this.world.bot, body: { content: '', components: [] }, type: 20, interaction, ephemeral, flags: LOADING });
        interaction.originalId = message.id;
        break;
      }
      case 6:
      case 7:
        if (interaction.type !== 3) throw new ApiError(400, 40043, 'This interaction type cannot be acknowledged with this callback type');
        if (type === 7) this.applyEdit(this.world.messages.get(interaction.messageId!)!, data);
        break;
      default:
        throw invalid(`callback type ${type} is not valid for this interaction`, 'type');
    }
    interaction.callbackType = type;
    interaction.callbackFlags = flags;
    if (c.query.get('with_response') !== 'true') return { status: 204 };
    const message = interaction.originalId ? this.world.messages.get(interaction.originalId)?.message : undefined;
    return ok({
      interaction: { id: interaction.id, type: interaction.type, response_message_id: message?.id, response_message_loading: type === 5, response_message_ephemeral: ephemeral },
      resource: { type, ...(message && (type === 4 || type === 5) ? { message } : {}) },
    });
  }

  private followUp(c: Ctx, interaction: Interaction) {
    if (interaction.callbackType === undefined) throw new ApiError(404, 10015, 'Unknown Webhook');
    const original = interaction.originalId ? this.world.messages.get(interaction.originalId) : undefined;
    // Like Discord: the first follow-up to a deferred response replaces the "thinking…" message and keeps its
    // visibility, whatever flags it carries. An adapter that wants an ephemeral answer must delete it first.
    if (original && !original.deleted && original.message.flags & LOADING) return ok(this.applyEdit(original, c.body));
    const flags = Number(c.body.flags ?? 0);
    const { flags: _ignored, ...rest } = c.body;
    return ok(this.createMessage({ channelId: interaction.channelId, author: this.world.bot, body: rest, files: c.files, type: 20, interaction, ephemeral: Boolean(flags & EPHEMERAL) }));
  }
}

// ---- validation helpers ------------------------------------------------------------------------------------------

interface Allowed {
  parse: Set<string>;
  users: Set<string>;
  roles: Set<string>;
  repliedUser: boolean;
}

function checkContent(body: Record<string, unknown>, creating: boolean, hasFiles = false): void {
  const content = body.content;
  if (content !== undefined && content !== null && typeof content === 'string' && content.length > MESSAGE_LIMIT) {
    throw new ApiError(400, 50035, 'Invalid Form Body', { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${MESSAGE_LIMIT} or fewer in length.` }] } });
  }
  if (!creating) return;
  const hasContent = typeof content === 'string' && content.trim().length > 0;
  const has = (key: string) => Array.isArray(body[key]) && (body[key] as unknown[]).length > 0;
  const loading = body.content === '' && Array.isArray(body.components);
  if (!hasContent && !hasFiles && !has('embeds') && !has('components') && !has('sticker_ids') && !body.poll && !loading) {
    throw new ApiError(400, 50006, 'Cannot send an empty message');
  }
}

function checkAllowedMentions(value: unknown): Allowed {
  if (value === undefined || value === null) {
    // Discord's default: everything written in the text pings.
    return { parse: new Set(['users', 'roles', 'everyone']), users: new Set(), roles: new Set(), repliedUser: true };
  }
  const am = value as { parse?: string[] | null; users?: string[] | null; roles?: string[] | null; replied_user?: boolean | null };
  const parse = new Set(am.parse ?? []);
  for (const p of parse) {
    if (!['users', 'roles', 'everyone'].includes(p)) throw invalid(`unknown parse type ${p}`, 'allowed_mentions');
  }
  if (parse.has('users') && am.users?.length) throw invalid('parse:["users"] and users are mutually exclusive', 'allowed_mentions');
  if (parse.has('roles') && am.roles?.length) throw invalid('parse:["roles"] and roles are mutually exclusive', 'allowed_mentions');
  return { parse, users: new Set(am.users ?? []), roles: new Set(am.roles ?? []), repliedUser: am.replied_user === true };
}

function checkComponents(value: unknown): void {
  if (value === undefined || value === null) return;
  const rows = value as { type: number; components?: { type: number; style?: number; custom_id?: string; url?: string; label?: string }[] }[];
  const bad = (why: string) => invalid(why, 'components');
  if (rows.length > 5) throw bad('at most 5 action rows');
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.type !== 1) throw bad('top-level components must be action rows');
    if (!row.components?.length || row.components.length > 5) throw bad('an action row holds 1 to 5 buttons');
    for (const button of row.components) {
      if (button.type !== 2) throw bad('only buttons are supported by the stand-in');
      if (button.style === 5) {
        if (!button.url) throw bad('link buttons need a url');
      } else {
        if (!button.custom_id || button.custom_id.length > 100) throw bad('buttons need a custom_id of 1-100 characters');
        if (ids.has(button.custom_id)) throw bad('custom_id must be unique');
        ids.add(button.custom_id);
      }
      if (button.label !== undefined && button.label.length > 80) throw bad('button label longer than 80');
    }
  }
}

function checkWebhookUsername(name: string): void {
  const problem =
    name.length < 1 || name.length > 80
      ? 'must be 1-80 characters'
      : /clyde|discord/i.test(name) || /[@#:]|```/.test(name) || ['everyone', 'here'].includes(name.toLowerCase())
        ? 'contains a forbidden word or character'
        : undefined;
  if (problem) throw new ApiError(400, 50035, 'Invalid Form Body', { username: { _errors: [{ code: 'USERNAME_INVALID', message: problem }] } });
}

/** Discord's extra rules for application commands, beyond what the OpenAPI schema says. */
export function commandProblems(cmd: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  const name = String(cmd.name ?? '');
  const type = cmd.type ?? 1;
  const description = cmd.description;
  if (type === 1) {
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) problems.push(`${path}.name: invalid command name ${name}`);
    if (typeof description !== 'string' || description.length < 1 || description.length > 100) problems.push(`${path}.description: must be 1-100 characters`);
  } else {
    // User and message menu entries: a name of 1-32 characters in any case, with spaces; no description, no options.
    if (name.length < 1 || name.length > 32) problems.push(`${path}.name: must be 1-32 characters`);
    if (description !== undefined && description !== '') problems.push(`${path}.description: must be empty for a menu entry`);
    if (cmd.options !== undefined) problems.push(`${path}.options: not allowed on a menu entry`);
    for (const [locale, text] of Object.entries((cmd.name_localizations ?? {}) as Record<string, string>)) {
      if (!LOCALES.has(locale)) problems.push(`${path}.name_localizations: unknown locale ${locale}`);
      if (typeof text !== 'string' || text.length < 1 || text.length > 32) problems.push(`${path}.name_localizations.${locale}: must be 1-32 characters`);
    }
  }
  for (const [locale, text] of Object.entries((cmd.description_localizations ?? {}) as Record<string, string>)) {
    if (!LOCALES.has(locale)) problems.push(`${path}.description_localizations: unknown locale ${locale}`);
    if (typeof text !== 'string' || text.length < 1 || text.length > 100) problems.push(`${path}.description_localizations.${locale}: must be 1-100 characters`);
  }
  problems.push(...optionProblems((cmd.options ?? []) as Record<string, unknown>[], `${path}.options`, 0));
  return problems;
}

function optionProblems(options: Record<string, unknown>[], path: string, depth: number): string[] {
  const problems: string[] = [];
  if (options.length > 25) problems.push(`${path}: more than 25 options`);
  const names = new Set<string>();
  let seenOptional = false;
  const subs = options.filter((o) => o.type === 1 || o.type === 2).length;
  if (subs > 0 && subs !== options.length) problems.push(`${path}: sub-commands cannot be mixed with other options`);
  options.forEach((option, i) => {
    const where = `${path}[${i}]`;
    const name = String(option.name ?? '');
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) problems.push(`${where}.name: invalid option name ${name}`);
    if (names.has(name)) problems.push(`${where}.name: duplicate ${name}`);
    names.add(name);
    const description = option.description;
    if (typeof description !== 'string' || description.length < 1 || description.length > 100) problems.push(`${where}.description: must be 1-100 characters`);
    for (const [locale, text] of Object.entries((option.description_localizations ?? {}) as Record<string, string>)) {
      if (!LOCALES.has(locale)) problems.push(`${where}.description_localizations: unknown locale ${locale}`);
      if (typeof text !== 'string' || text.length < 1 || text.length > 100) problems.push(`${where}.description_localizations.${locale}: must be 1-100 characters`);
    }
    if (option.type === 1) {
      if (depth > 1) problems.push(`${where}: sub-commands nested too deep`);
      if ('required' in option) problems.push(`${where}: sub-commands cannot be required`);
      problems.push(...optionProblems((option.options ?? []) as Record<string, unknown>[], `${where}.options`, depth + 1));
      return;
    }
    if (option.required) {
      if (seenOptional) problems.push(`${where}: required options must be placed before non-required options`);
    } else seenOptional = true;
    const choices = option.choices as { name: string; value: unknown }[] | undefined;
    if (choices) {
      if (choices.length > 25) problems.push(`${where}.choices: more than 25`);
      for (const choice of choices) if (!choice.name || choice.name.length > 100) problems.push(`${where}.choices: name must be 1-100 characters`);
    }
  });
  return problems;
}

/** Discord's locale codes (https://discord.com/developers/docs/reference#locales). */
const LOCALES = new Set(['id', 'da', 'de', 'en-GB', 'en-US', 'es-ES', 'es-419', 'fr', 'hr', 'it', 'lt', 'hu', 'nl', 'no', 'pl', 'pt-BR', 'ro', 'fi', 'sv-SE', 'vi', 'tr', 'cs', 'el', 'bg', 'ru', 'uk', 'hi', 'th', 'zh-CN', 'ja', 'zh-TW', 'ko']);

function ok(body: unknown) {
  return { status: 200, body };
}

function rateHeaders(v: Verdict): Record<string, string> {
  return {
    'x-ratelimit-limit': String(v.limit),
    'x-ratelimit-remaining': String(v.remaining),
    'x-ratelimit-reset': String(Date.now() / 1000 + v.resetAfter),
    'x-ratelimit-reset-after': String(v.resetAfter),
    'x-ratelimit-bucket': 'stand-in-message-create',
  };
}

function paramsOf(template: string, path: string): Params {
  const names = template.split('/');
  const values = path.split('/');
  const params: Params = {};
  names.forEach((segment, i) => {
    const match = /^\{(.+)\}$/.exec(segment);
    if (match) params[match[1]!] = decodeURIComponent(values[i]!);
  });
  return params;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ApiError(400, 50109, 'The request body contains invalid JSON.');
  }
}

/** payload_json and files[n]; the stand-in does not read other form fields (Discord would take them as the body). */
async function parseMultipart(raw: Buffer, contentType: string): Promise<{ body: Record<string, unknown>; files: UploadedFile[] }> {
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalid(['malformed multipart body']);
  }
  let body: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  for (const [key, value] of form.entries()) {
    const index = /^files\[(\d+)\]$/.exec(key)?.[1];
    if (key === 'payload_json' && typeof value === 'string') body = parseJson(value);
    else if (index !== undefined && typeof value !== 'string') {
      files.push({ index: Number(index), name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    } else throw invalid([`stand-in: unexpected form field ${key}`]);
  }
  if (files.length > FILES_PER_MESSAGE) {
    throw new ApiError(400, 50035, 'Invalid Form Body', { files: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${FILES_PER_MESSAGE} or fewer in length.` }] } });
  }
  return { body, files };
}

/**
 * The `attachments` array of a new message must describe exactly the uploaded files: each entry's id is the n of a
 * files[n], each file has its entry. Returns the file name each entry gives (it overrides the form's file name).
 */
function attachmentNames(value: unknown, files: UploadedFile[]): Map<number, string> {
  const names = new Map<number, string>();
  if (value === undefined || value === null) return names;
  const entries = value as { id: string | number; filename?: string | null }[];
  const indexes = new Set(files.map((f) => f.index));
  entries.forEach((entry, i) => {
    const index = Number(entry.id);
    if (!indexes.has(index)) {
      throw new ApiError(400, 50035, 'Invalid Form Body', { [`attachments.${i}.id`]: { _errors: [{ code: 'ATTACHMENT_NOT_FOUND', message: 'Unknown attachment' }] } });
    }
    if (entry.filename) names.set(index, entry.filename);
    indexes.delete(index);
  });
  if (indexes.size > 0) throw invalid([`files[${[...indexes][0]}] is not described in attachments`], 'attachments');
  return names;
}
