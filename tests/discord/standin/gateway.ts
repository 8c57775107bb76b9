// The stand-in's gateway: the subset of Discord's gateway protocol discord.js needs (HELLO, heartbeats, IDENTIFY →
// READY + GUILD_CREATE, RESUME → replay + RESUMED, sequence numbers, intents), plus test controls to close sockets.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { World } from './state.js';

export const INTENTS = { Guilds: 1 << 0, GuildMembers: 1 << 1, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15, GuildPresences: 1 << 8 };
const PRIVILEGED = INTENTS.GuildMembers | INTENTS.GuildPresences | INTENTS.MessageContent;

interface Session {
  id: string;
  intents: number;
  seq: number;
  buffer: { op: 0; t: string; d: unknown; s: number }[];
  socket?: WebSocket;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Privileged intents enabled for this application in the developer portal. */
  privilegedIntents: number;
}

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  /** Counters tests read: how the client (re)connected. */
  readonly stats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0 };
  url = '';

  constructor(
    private readonly world: World,
    private readonly options: GatewayOptions,
  ) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://x');
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      if (url.searchParams.get('v') !== '10') return ws.close(4012, 'Invalid API version');
      if (url.searchParams.get('encoding') !== 'json') return ws.close(4002, 'Decode error');
      if (url.searchParams.has('compress')) return ws.close(4002, 'compression not supported by the stand-in');
      this.accept(ws);
    });
  }

  private accept(ws: WebSocket): void {
    this.stats.connections += 1;
    let session: Session | undefined;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null }));
    ws.on('message', (data) => {
      let payload: { op?: number; d?: Record<string, unknown> | number | null };
      try {
        payload = JSON.parse(String(data)) as typeof payload;
      } catch {
        return ws.close(4002, 'Decode error');
      }
      switch (payload.op) {
        case 1:
          this.stats.heartbeats += 1;
          return ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        case 2:
          if (session) return ws.close(4005, 'Already authenticated');
          session = this.identify(ws, payload.d as Record<string, unknown>);
          return;
        case 6:
          if (session) return ws.close(4005, 'Already authenticated');
          session = this.resume(ws, payload.d as Record<string, unknown>);
          return;
        case 3:
        case 4:
        case 8:
          if (!session) return ws.close(4003, 'Not authenticated');
          return;
        default:
          return ws.close(4001, 'Unknown opcode');
      }
    });
    ws.on('close', () => {
      if (session && session.socket === ws) session.socket = undefined;
    });
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): Session | undefined {
    if (d?.token !== this.options.token) {
      ws.close(4004, 'Authentication failed');
      return undefined;
    }
    const intents = Number(d.intents);
    if (!Number.isInteger(intents)) {
      ws.close(4013, 'Invalid intent(s)');
      return undefined;
    }
    if (intents & PRIVILEGED & ~this.options.privilegedIntents) {
      ws.close(4014, 'Disallowed intent(s)');
      return undefined;
    }
    this.stats.identifies += 1;
    // A new identify starts a new session; sessions nobody is connected to are gone for good.
    for (const [id, old] of this.sessions) if (!old.socket) this.sessions.delete(id);
    const session: Session = { id: randomBytes(16).toString('hex'), intents, seq: 0, buffer: [], socket: ws };
    this.sessions.set(session.id, session);
    const { world } = this;
    this.send(session, 'READY', {
      v: 10,
      user: { ...world.bot, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [{ id: world.guild.id, unavailable: true }],
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.url,
      shard: d.shard ?? [0, 1],
      application: { id: world.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
      auth_session_id_hash: '',
    });
    this.send(session, 'GUILD_CREATE', this.guildCreate(intents));
    return session;
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): Session | undefined {
    const session = this.sessions.get(String(d?.session_id));
    if (d?.token !== this.options.token) {
      ws.close(4004, 'Authentication failed');
      return undefined;
    }
    if (!session || session.socket) {
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return undefined;
    }
    this.stats.resumes += 1;
    session.socket = ws;
    const from = Number(d.seq);
    for (const payload of session.buffer) if (payload.s > from) ws.send(JSON.stringify(payload));
    this.send(session, 'RESUMED', {});
    return session;
  }

  private guildCreate(intents: number): Record<string, unknown> {
    const { world } = this;
    const channels = [...world.channels.values()].filter((c) => c.type !== 11);
    const threads = [...world.channels.values()].filter((c) => c.type === 11);
    // Without the GuildMembers intent Discord sends only the bot's own member (as it does for large guilds).
    const members = intents & INTENTS.GuildMembers ? [...world.members.values()] : [world.members.get(world.bot.id)];
    return {
      ...world.guildObject(),
      unavailable: false,
      joined_at: new Date().toISOString(),
      large: false,
      member_count: world.members.size,
      channels,
      threads,
      members,
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const payload = { op: 0 as const, t, d, s: session.seq };
    session.buffer.push(payload);
    if (session.buffer.length > 1000) session.buffer.shift();
    if (session.socket && session.socket.readyState === session.socket.OPEN) session.socket.send(JSON.stringify(payload));
  }

  /** Dispatches an event to every live session whose intents cover it (buffered for sessions that may resume). */
  dispatch(t: string, d: Record<string, unknown>): void {
    for (const session of this.sessions.values()) {
      if (!wants(session.intents, t, d)) continue;
      this.send(session, t, t.startsWith('MESSAGE_') ? hideContent(session.intents, d, this.world.bot.id) : d);
    }
  }

  /** Test control: close every gateway socket with this code (4000 = resumable, 1000 = start over). */
  closeAll(code = 4000): void {
    for (const client of this.wss.clients) client.close(code, 'closed by test');
  }

  get connected(): number {
    return [...this.sessions.values()].filter((s) => s.socket).length;
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}

function wants(intents: number, t: string, d: Record<string, unknown>): boolean {
  if (t.startsWith('MESSAGE_')) return Boolean(intents & (d.guild_id ? INTENTS.GuildMessages : INTENTS.DirectMessages));
  // Member add, update and remove come only with the privileged Guild Members intent.
  if (t.startsWith('GUILD_MEMBER_')) return Boolean(intents & INTENTS.GuildMembers);
  if (t.startsWith('GUILD_') || t.startsWith('CHANNEL_') || t.startsWith('THREAD_')) return Boolean(intents & INTENTS.Guilds);
  return true;
}

/** Without MessageContent, Discord blanks content except in DMs, mentions of the bot and the bot's own messages. */
function hideContent(intents: number, d: Record<string, unknown>, botId: string): Record<string, unknown> {
  if (intents & INTENTS.MessageContent || !d.guild_id) return d;
  const author = d.author as { id?: string } | undefined;
  const mentions = (d.mentions as { id: string }[] | undefined) ?? [];
  if (author?.id === botId || mentions.some((m) => m.id === botId)) return d;
  return { ...d, content: '', embeds: [], attachments: [], components: [] };
}
