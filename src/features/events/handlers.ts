// What the /event, /events and /rsvp commands and the buttons share: reading `<title> | <when> [| <place>]`,
// answering a date that cannot be used with how it was read, finding an event only within the asking group's scope,
// and who may change one.
import type { Context } from '../../core/context.js';
import { roleAtLeast } from '../../core/roles.js';
import { canonicalLocal, canonicalWhen, parseWhen } from './dates.js';
import { eventText } from './render.js';
import type { CommunityEvent } from './repository.js';
import { scopeOf } from './service.js';
import type { RsvpAnswer } from './schema.js';

const TITLE_MAX = 200;
const PLACE_MAX = 200;

export interface EventInput {
  title: string;
  when: string;
  place: string | null;
}

/** `<title> | <when> [| <place>]`; undefined when it does not have that shape. */
export function readEventText(text: string | undefined): EventInput | undefined {
  const parts = (text ?? '').split('|').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [title, when, place] = parts as [string, string, string | undefined];
  if (!title || !when || title.length > TITLE_MAX || (place?.length ?? 0) > PLACE_MAX) return undefined;
  return { title, when, place: place ? place : null };
}


/** Why a <when> cannot be used: the reply's key and its parameters. */
export interface StartProblem {
  key: string;
  params: Record<string, unknown>;
}

/**
 * The start of an event read in `zone` at `now`, or the answer why it cannot be used (the same for /event and the
 * dashboard's event page).
 */
export function readStartIn(when: string, zone: string, now: number): { ok: true; at: Date } | { ok: false; problem: StartProblem } {
  const reading = parseWhen(when, zone, now);
  const tomorrowAt18 = canonicalWhen(now + 24 * 3600_000, zone).slice(0, 10) + ' 18:00';
  switch (reading.kind) {
    case 'ok':
      return { ok: true, at: new Date(reading.at) };
    case 'invalid':
      return { ok: false, problem: { key: 'events.when_invalid', params: { input: when, example: tomorrowAt18 } } };
    case 'past':
      return { ok: false, problem: { key: 'events.when_past', params: { input: when, at: new Date(reading.at), example: tomorrowAt18 } } };
    case 'ambiguous': {
      const example = canonicalLocal(reading.local);
      if (reading.at === undefined) {
        // The day as read, at noon so that the date shown is that day in the group's zone.
        const day = new Date(Date.UTC(reading.local.year, reading.local.month - 1, reading.local.day, 12));
        return { ok: false, problem: { key: 'events.when_no_time', params: { input: when, day, example } } };
      }
      return { ok: false, problem: { key: 'events.when_unsure', params: { input: when, at: new Date(reading.at), example } } };
    }
  }
}

/** The start of an event read in the group's zone, or undefined after answering why it cannot be used. */
export async function readStart(ctx: Context, when: string): Promise<Date | undefined> {
  const read = readStartIn(when, ctx.group.timezone, ctx.clock.now());
  if (read.ok) return read.at;
  await ctx.replyEphemeral(read.problem.key, read.problem.params);
  return undefined;
}

/** The event `id` if it belongs to this group's scope and was published; otherwise answers that there is none. */
export async function eventInScope(ctx: Context, id: number, options: { live?: boolean } = {}): Promise<CommunityEvent | undefined> {
  const event = await ctx.services.events.events.find(id);
  const visible = event && event.scope === scopeOf(ctx.group) && (event.status === 'scheduled' || (!options.live && event.status === 'cancelled'));
  if (!visible) {
    await ctx.replyEphemeral('events.not_found', { id });
    return undefined;
  }
  return event;
}

/** Its author, anywhere in the scope, or a moderator of the group it was posted from. */
export async function mayChange(ctx: Context, event: CommunityEvent): Promise<boolean> {
  if (event.authorId !== null && event.authorId === ctx.envelope.sender.id) return true;
  return ctx.group.id === event.originGroup && roleAtLeast(await ctx.role(), 'moderator');
}

/**
 * Records an answer and tells the person (ephemerally where the platform can). `quiet`: a button press that cannot be
 * answered privately (Telegram) gets no words at all, refusal included, so presses never fill the group.
 */
export async function answerEvent(ctx: Context, event: CommunityEvent, answer: RsvpAnswer, quiet = false): Promise<void> {
  if (event.startsAt.getTime() <= ctx.clock.now()) {
    if (!quiet) await ctx.replyEphemeral('events.started', { id: event.id });
    return;
  }
  const sender = ctx.envelope.sender;
  // In a private chat the answer belongs to the group where the person first answered.
  const earlier = await ctx.services.events.events.rsvpOf(event.id, sender.id);
  const groupId = ctx.envelope.chat.type === 'private' ? (earlier?.groupId ?? event.originGroup) : ctx.group.id;
  await ctx.services.events.answer(event, { id: sender.id, name: sender.name }, answer, groupId);
  if (!quiet) await ctx.replyEphemeral(`events.rsvp_${answer}`, { id: event.id, title: event.title, name: sender.name });
}

/** One event as text, with everyone going, for /event <id>. */
export async function showEvent(ctx: Context, event: CommunityEvent): Promise<void> {
  const attendance = await ctx.services.events.events.attendance(event.id);
  // ctx.t: the reply's language, the group's time zone.
  await ctx.reply(eventText((_language, key, params) => ctx.t(key, params), { language: ctx.language, timezone: ctx.group.timezone }, event, attendance, true));
}
