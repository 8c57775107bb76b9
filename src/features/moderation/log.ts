// The group's log chat: another chat, on any platform, that receives the group's moderation events. Linked with a
// one-time code (/log link in the group, /log <CODE> in the log chat), stored as the group's `logChat` setting.
import type { Redis } from 'ioredis';
import type { Group, Outbox, Translate } from '../../core/context.js';
import { unqualify, type QualifiedId } from '../../core/envelope.js';
import type { AuditEntry } from '../../db/audit.js';
import type { GroupRepository } from '../../db/groups.js';
import type { PeopleRepository } from '../../db/people.js';
import { displayCode, newCode } from '../../text/codes.js';
import type { ModerationEvent, ModerationEvents } from './events.js';

export const LOG_SETTING = 'logChat';
export const LOG_CODE_TTL_MS = 10 * 60_000;

/** The group's log chat, if it has one. */
export function logChatOf(group: Pick<Group, 'settings'>): QualifiedId | undefined {
  const value = group.settings[LOG_SETTING];
  if (typeof value !== 'string') return undefined;
  try {
    unqualify(value);
    return value;
  } catch {
    return undefined;
  }
}

/** A group's name for a log line: its title, or its bare id. */
export function groupName(group: Pick<Group, 'id' | 'title'>): string {
  return group.title ?? unqualify(group.id).bare;
}

/** Audit values as short text: `remind → delete`; objects as compact JSON, cut short. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '-';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export interface ModerationLogDeps {
  redis: Redis;
  prefix: string;
  outbox: Outbox;
  groups: GroupRepository;
  people: PeopleRepository;
  translate: Translate;
}

export class ModerationLog implements ModerationEvents {
  constructor(private readonly deps: ModerationLogDeps) {}

  /** For sentences to another chat than the one a command came from, in that chat's language. */
  translate(language: string, key: string, params?: Record<string, unknown>): string {
    return this.deps.translate(language, key, params);
  }

  private codeKey(code: string): string {
    return `${this.deps.prefix}:moderation:log-code:${code}`;
  }

  /** A one-time code that makes another chat this group's log (10 minutes). */
  async createCode(groupId: QualifiedId, personId: QualifiedId): Promise<string> {
    const code = newCode();
    await this.deps.redis.set(this.codeKey(code), JSON.stringify({ groupId, personId }), 'PX', LOG_CODE_TTL_MS);
    return displayCode(code);
  }

  /** The group a code was made for, taken once (a code works once). */
  async takeCode(stored: string): Promise<QualifiedId | undefined> {
    const raw = await this.deps.redis.getdel(this.codeKey(stored));
    if (!raw) return undefined;
    return (JSON.parse(raw) as { groupId: QualifiedId }).groupId;
  }

  /** Posts an event to the group's log chat, in the log chat's language; nothing when the group has none. */
  async emit(event: ModerationEvent): Promise<void> {
    const group = await this.deps.groups.find(event.groupId);
    const logChat = group && logChatOf(group);
    if (!group || !logChat) return;
    const language = (await this.deps.groups.find(logChat))?.language ?? group.language;
    const line = this.deps.translate(language, `moderation.event.${event.kind}`, event.params ?? {}, { timeZone: group.timezone });
    await this.deps.outbox.enqueue({
      id: `moderation-log:${event.id}`,
      target: logChat,
      action: 'send',
      text: this.deps.translate(language, 'moderation.log.line', { group: groupName(group), line }),
      // The log is read by moderators, who want to know now; the log chat's own quiet hours do not hold it.
      urgent: true,
      people: event.people ?? [],
    });
  }

  /** A settings change, as /audit shows it, posted to the log. */
  readonly onAudit = async (entry: AuditEntry): Promise<void> => {
    const before = (entry.before ?? {}) as Record<string, unknown>;
    const after = (entry.after ?? {}) as Record<string, unknown>;
    const changes = Object.keys(after)
      .map((key) => `${key}: ${shown(before[key])} → ${shown(after[key])}`)
      .join('; ');
    const names = entry.actorId ? await this.deps.people.names([entry.actorId]) : new Map<string, string>();
    const name = (entry.actorId && names.get(entry.actorId)) ?? '?';
    const kind = entry.action === 'bridge link' ? 'bridge-linked' : entry.action === 'bridge off' ? 'bridge-unlinked' : 'setting';
    await this.emit({
      id: `audit:${entry.id}`,
      groupId: entry.groupId,
      kind,
      params: { name, action: entry.action, changes },
      people: entry.actorId ? [entry.actorId] : [],
    });
  };
}
