// What a command and a button both do: add an address, vouch for one, accept the offer to add a helper. Every lookup
// is made in the scope of the chat it comes from, so an id typed (or a button pressed, or forged) in a group of another
// community finds nothing.
import type { Context } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';
import type { AddressEntry } from './repository.js';
import { VOUCH_BUTTON_PREFIX } from './service.js';

export interface Recommendation {
  what: string;
  who: string;
  contact: string | null;
  note: string | null;
}

/** Stores a recommendation for this chat's community (or group) and says where it went. */
export async function addAddress(ctx: Context, sourceId: string, input: Recommendation, subjectId: QualifiedId | null = null): Promise<AddressEntry> {
  const addresses = ctx.services.addresses;
  const scope = addresses.scopeOf(ctx.group);
  const now = new Date(ctx.clock.now());
  const { entry, created } = await addresses.repository.create({
    sourceId,
    scope,
    originGroup: ctx.group.id,
    authorId: ctx.envelope.sender.id,
    authorName: ctx.envelope.sender.name,
    subjectId,
    ...input,
    lang: ctx.group.language,
    createdAt: now,
  });
  if (created) await addresses.changed(scope);
  const key = ctx.group.communityId === null ? 'address.added' : 'address.added_community';
  await ctx.reply(ctx.t(key, { id: entry.id, what: entry.what, who: entry.who }), { buttons: [vouchButton(ctx, entry.id)] });
  return entry;
}

export function vouchButton(ctx: Context, id: number): { label: string; data: string } {
  return { label: ctx.t('address.vouch_button', { id }), data: `${VOUCH_BUTTON_PREFIX}${id}` };
}

/** `/vouch <id>` and the "I recommend them too" button: one per person, never for one's own address. */
export async function vouchFor(ctx: Context, id: number): Promise<void> {
  const addresses = ctx.services.addresses;
  const entry = await addresses.repository.inScope(addresses.scopeOf(ctx.group), id);
  if (!entry) {
    await ctx.replyEphemeral('address.not_found', { id });
    return;
  }
  const sender = ctx.envelope.sender;
  if (entry.authorId === sender.id) {
    await ctx.replyEphemeral('address.vouch_own', { id });
    return;
  }
  const result = await addresses.repository.vouch(entry.id, sender.id, new Date(ctx.clock.now()));
  if (!result) {
    await ctx.replyEphemeral('address.not_found', { id });
    return;
  }
  if (result.outcome === 'again') {
    await ctx.replyEphemeral('address.vouch_again', { id });
    return;
  }
  await ctx.reply(ctx.t('address.vouched', { id, name: sender.name, count: result.entry.vouches + 1 }));
}

/** The "add whoever helped" button: only the person who closed the request, in its community, once. */
export async function acceptSuggestion(ctx: Context, suggestionId: number): Promise<void> {
  const addresses = ctx.services.addresses;
  const suggestion = await addresses.repository.suggestion(suggestionId);
  if (!suggestion || suggestion.scope !== addresses.scopeOf(ctx.group)) {
    await ctx.replyEphemeral('address.suggest_gone', undefined);
    return;
  }
  if (suggestion.closerId !== ctx.envelope.sender.id) {
    await ctx.replyEphemeral('address.suggest_refused', undefined);
    return;
  }
  if (suggestion.entryId !== null && (await addresses.repository.byId(suggestion.entryId))) {
    await ctx.replyEphemeral('address.suggest_done', { id: suggestion.entryId });
    return;
  }
  const entry = await addAddress(
    ctx,
    `suggestion:${suggestion.id}`,
    { what: suggestion.what, who: suggestion.helperName, contact: null, note: null },
    suggestion.helperId,
  );
  await addresses.repository.accepted(suggestion.id, entry.id);
}
