// Reports: a member replies /report to a message; the moderators hear of it with buttons (delete, mute for an hour,
// dismiss) in the group's log chat, or privately, or in the group without the reporter's name. Three different
// members reporting one message within an hour remove it until a moderator decides.
import type { Redis } from 'ioredis';
import type { Clock, Context, Group, Outbox, Translate } from '../../core/context.js';
import type { DeliveryHandlers } from '../../core/feature.js';
import { unqualify, type QualifiedId } from '../../core/envelope.js';
import type { Button, OutboundMessage } from '../../core/outbound.js';
import { roleAtLeast } from '../../core/roles.js';
import type { GroupRepository } from '../../db/groups.js';
import type { PeopleRepository } from '../../db/people.js';
import type { CachedRoleLookup } from '../../roles.js';
import { groupName, logChatOf, type ModerationLog } from './log.js';
import { DEFAULT_MUTE_MS, type MuteService } from './mutes.js';
import { personPlace, privateTargetOf } from './private.js';
import { ReportRepository, type Report } from './reports-repository.js';
import type { ModeratorRepository } from './moderators.js';

export const REPORT_BUTTON_PREFIX = 'mod:';
export const REPORT_ACTIONS = ['delete', 'mute', 'dismiss'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export interface ReportOptions {
  /** Different members reporting one message within `windowMs` remove it (3 within an hour). */
  hideAfter: number;
  windowMs: number;
  /** Moderators written to privately at most. */
  maxPrivate: number;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = { hideAfter: 3, windowMs: 3_600_000, maxPrivate: 10 };

/** A link to a message, where the platform has one anybody in the chat can open (Telegram supergroups). */
export function messageLink(messageId: QualifiedId): string | undefined {
  const { platform, bare } = unqualify(messageId);
  const match = platform === 'telegram' ? /^-100(\d+)\/(\d+)$/.exec(bare) : null;
  return match ? `https://t.me/c/${match[1]}/${match[2]}` : undefined;
}

export interface ReportDeps {
  db: ConstructorParameters<typeof ReportRepository>[0];
  redis: Redis;
  prefix: string;
  outbox: Outbox;
  clock: Clock;
  groups: GroupRepository;
  people: PeopleRepository;
  roles: CachedRoleLookup;
  translate: Translate;
  log: ModerationLog;
  mutes: MuteService;
  moderators: ModeratorRepository;
  options?: Partial<ReportOptions>;
}

export class ReportService {
  readonly repo: ReportRepository;
  readonly options: ReportOptions;

  constructor(private readonly deps: ReportDeps) {
    this.repo = new ReportRepository(deps.db);
    this.options = { ...DEFAULT_REPORT_OPTIONS, ...deps.options };
  }

  /** `/report [reason]` as a reply: counts the vote, thanks the reporter, tells the moderators. */
  async file(ctx: Context, reason: string | undefined): Promise<void> {
    const { envelope, group } = ctx;
    const replyTo = envelope.replyTo!;
    const now = this.deps.clock.now();
    let authorName = replyTo.senderName;
    if (!authorName && replyTo.senderId) authorName = (await this.deps.people.names([replyTo.senderId])).get(replyTo.senderId);
    const outcome = await this.repo.vote(
      { groupId: group.id, messageId: replyTo.messageId, authorId: replyTo.senderId, authorName, text: replyTo.text },
      envelope.sender.id,
      reason?.slice(0, 300),
      now,
      this.options.windowMs,
    );
    await this.thank(ctx);
    const { report } = outcome;
    if (outcome.first) await this.tellModerators(ctx, report);
    if (outcome.counted && outcome.recentVoters >= this.options.hideAfter && (await this.repo.hide(report.id, now))) {
      await this.hideMessage(group, await this.repo.byId(report.id) ?? report, outcome.recentVoters);
    }
  }

  /** The reporter's thank-you: ephemeral on a Discord slash command, otherwise a private message. */
  private async thank(ctx: Context): Promise<void> {
    const { envelope } = ctx;
    if (envelope.interaction) {
      await ctx.replyEphemeral('moderation.report.thanks');
      return;
    }
    const target = envelope.chat.type === 'private' ? envelope.chat.id : privateTargetOf(envelope.sender.id);
    if (!target) return;
    await ctx.outbox.enqueue({
      id: `${envelope.id}:report-thanks`,
      target,
      action: 'send',
      text: this.deps.translate(ctx.language, 'moderation.report.thanks'),
      urgent: true,
      people: [envelope.sender.id],
    });
  }

  /** Where the group's reports go: its log chat, else moderators privately, else the group itself. */
  private async places(group: Group): Promise<{ target: QualifiedId; place: string; language: string; private: boolean }[]> {
    const logChat = logChatOf(group);
    if (logChat) {
      const language = (await this.deps.groups.find(logChat))?.language ?? group.language;
      return [{ target: logChat, place: logChat, language, private: false }];
    }
    const moderators: { target: QualifiedId; place: string; language: string; private: boolean }[] = [];
    for (const personId of await this.deps.moderators.of(group.id, this.options.maxPrivate)) {
      const target = privateTargetOf(personId);
      if (!target || !roleAtLeast(await this.deps.roles.roleOf(group.id, personId), 'moderator')) continue;
      moderators.push({ target, place: personPlace(personId), language: group.language, private: true });
    }
    if (moderators.length > 0) return moderators;
    return [{ target: group.id, place: group.id, language: group.language, private: false }];
  }

  private text(language: string, group: Group, report: Report, reporter: string | undefined): string {
    const t = (key: string, params?: Record<string, unknown>) => this.deps.translate(language, key, params, { timeZone: group.timezone });
    const author = report.authorName ?? t('moderation.report.someone');
    const lines = [t('moderation.report.header', { id: report.id, group: groupName(group) })];
    lines.push(report.text ? t('moderation.report.message', { author, text: report.text }) : t('moderation.report.no_text', { author }));
    const link = messageLink(report.messageId);
    if (link) lines.push(t('moderation.report.link', { link }));
    if (report.reason) lines.push(t('moderation.report.reason', { reason: report.reason }));
    // The reporter's name goes to moderators alone: never to a log chat (which others may read) or the group.
    if (reporter) lines.push(t('moderation.report.reporter', { name: reporter }));
    return lines.join('\n');
  }

  private buttons(language: string, report: Report): Button[] {
    return REPORT_ACTIONS.map((action) => ({
      label: this.deps.translate(language, `moderation.button.${action}`),
      data: `${REPORT_BUTTON_PREFIX}${action}:${report.id}`,
    }));
  }

  private async tellModerators(ctx: Context, report: Report): Promise<void> {
    const places = await this.places(ctx.group);
    await this.repo.postedTo(
      report.id,
      places.map((p) => p.place),
    );
    for (const place of places) {
      const message: OutboundMessage = {
        id: `report:${report.id}:${place.place}`,
        ...(place.private ? { origin: { feature: 'moderation', ref: { report: report.id, privatePlaces: places.length } } } : {}),
        target: place.target,
        action: 'send',
        text: this.text(place.language, ctx.group, report, place.private ? ctx.envelope.sender.name : undefined),
        buttons: this.buttons(place.language, report),
        urgent: true,
        people: [ctx.envelope.sender.id, ...(report.authorId ? [report.authorId] : [])],
      };
      await ctx.outbox.enqueue(message);
    }
  }

  /**
   * A moderator who never started the bot cannot be written to (Telegram refuses the first word). When no moderator
   * could be reached, the report goes into the group after all, without the reporter's name.
   */
  readonly delivery: DeliveryHandlers = {
    outcome: async (outcome) => {
      const ref = outcome.message.origin?.ref;
      if (outcome.kind !== 'failed' || typeof ref?.report !== 'number' || typeof ref.privatePlaces !== 'number') return;
      const key = `${this.deps.prefix}:moderation:report-failed:${ref.report}`;
      const failed = await this.deps.redis.multi().sadd(key, outcome.message.target).pexpire(key, 86_400_000).exec();
      const added = failed?.[0]?.[1] === 1;
      if (!added || (await this.deps.redis.scard(key)) < ref.privatePlaces) return;
      const report = await this.repo.byId(ref.report);
      const group = report && (await this.deps.groups.find(report.groupId));
      if (!report || !group) return;
      await this.repo.postedTo(report.id, [...report.postedTo, group.id]);
      await this.deps.outbox.enqueue({
        id: `report:${report.id}:${group.id}`,
        target: group.id,
        action: 'send',
        text: this.text(group.language, group, report, undefined),
        buttons: this.buttons(group.language, report),
        urgent: true,
        people: report.authorId ? [report.authorId] : [],
      });
    },
  };

  /** Enough members reported it: the message is removed until a moderator decides, and the moderators hear why. */
  private async hideMessage(group: Group, report: Report, voters: number): Promise<void> {
    await this.deps.outbox.enqueue({ id: `report:${report.id}:hide`, target: group.id, action: 'delete', text: '', editOf: [report.messageId], urgent: true });
    for (const place of report.postedTo) {
      const target = place.startsWith('person:') ? privateTargetOf(place.slice('person:'.length)) : place;
      if (!target) continue;
      const language = place.startsWith('person:') ? group.language : ((await this.deps.groups.find(target))?.language ?? group.language);
      await this.deps.outbox.enqueue({
        id: `report:${report.id}:hidden:${place}`,
        target,
        action: 'send',
        text: this.deps.translate(language, 'moderation.report.hidden', { id: report.id, count: voters }),
        urgent: true,
      });
    }
    await this.deps.log.emit({ id: `report:${report.id}:hidden`, groupId: group.id, kind: 'report-hidden', params: { id: report.id, count: voters } });
  }

  /** A moderation button: checked against where the report was posted and the presser's role, then done. */
  async press(ctx: Context, action: ReportAction, id: number): Promise<void> {
    const { envelope } = ctx;
    const report = await this.repo.byId(id);
    const place = envelope.chat.type === 'private' ? personPlace(envelope.sender.id) : envelope.chat.id;
    // A button forged or pressed anywhere the report was not posted (another group, another log) does nothing.
    if (!report || !report.postedTo.includes(place)) {
      await ctx.replyEphemeral('moderation.report.not_here');
      return;
    }
    // In the reported group or a moderator's private chat, the role that counts is in the reported group; in the log
    // chat, the presser's role there (a Discord log of a WhatsApp group has no WhatsApp moderators in it).
    const inLog = place === logChatOf((await this.deps.groups.find(report.groupId)) ?? { settings: {} });
    const role = inLog || place === report.groupId ? await ctx.role() : await this.deps.roles.roleOf(report.groupId, envelope.sender.id);
    if (!roleAtLeast(role, 'moderator')) {
      await ctx.replyEphemeral('errors.needs_moderator', { command: '/report' });
      return;
    }
    if (action === 'mute' && report.authorId && roleAtLeast(await this.deps.roles.roleOf(report.groupId, report.authorId), 'moderator')) {
      await ctx.replyEphemeral('moderation.mute.not_moderators', { name: report.authorName ?? unqualify(report.authorId).bare });
      return;
    }
    const now = this.deps.clock.now();
    const status = action === 'delete' ? 'deleted' : action === 'mute' ? 'muted' : 'dismissed';
    const decided = await this.repo.decide(id, status, envelope.sender.id, now);
    if (!decided) {
      await ctx.replyEphemeral('moderation.report.already', { id });
      return;
    }
    await this.deps.people.remember(envelope.sender);
    const group = (await this.deps.groups.find(report.groupId))!;
    if (action === 'delete' && !report.hiddenAt) {
      await this.deps.outbox.enqueue({ id: `report:${id}:delete`, target: report.groupId, action: 'delete', text: '', editOf: [report.messageId], urgent: true });
    }
    if (action === 'mute' && report.authorId) {
      await this.deps.mutes.mute(report.groupId, report.authorId, now + DEFAULT_MUTE_MS, envelope.sender.id, `report:${id}`);
    }
    if (action === 'dismiss' && report.hiddenAt && report.text) {
      // Removed on members' reports alone: the moderators let it stand, so its words come back.
      await this.deps.outbox.enqueue({
        id: `report:${id}:restore`,
        target: report.groupId,
        action: 'send',
        text: this.deps.translate(group.language, 'moderation.report.restored', { author: report.authorName ?? this.deps.translate(group.language, 'moderation.report.someone'), text: report.text }),
        urgent: true,
        people: report.authorId ? [report.authorId] : [],
      });
    }
    await ctx.reply(ctx.t(`moderation.report.decided_${action}`, { id, name: envelope.sender.name }));
    if (!inLog) {
      await this.deps.log.emit({ id: `report:${id}:decided`, groupId: report.groupId, kind: 'report-decided', params: { id, name: envelope.sender.name, action: status }, people: [envelope.sender.id] });
    }
  }
}
