// The language of a reply: the group's for what the group reads; the person's own (platform hint) for what only they
// read — a private chat, or an ephemeral answer to a Discord interaction.
import { describe, expect, it } from 'vitest';
import { Context, type ContextDeps, type Group, type Services } from '../../src/core/context.js';
import type { Envelope } from '../../src/core/envelope.js';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { matchLanguage, translate } from '../../src/i18n/index.js';
import { silentLogger } from '../../src/logger.js';

function contextFor(
  options: {
    chatType?: 'group' | 'private';
    senderLanguage?: string;
    interaction?: boolean;
    groupLanguage?: string;
    settings?: Record<string, unknown>;
    translate?: ContextDeps['translate'];
  } = {},
) {
  const sent: OutboundMessage[] = [];
  const envelope: Envelope = {
    id: 'test:1',
    platform: 'discord',
    kind: 'message',
    chat: { id: 'discord:10', type: options.chatType ?? 'group' },
    sender: { id: 'discord:7', name: 'Oksana', ...(options.senderLanguage ? { language: options.senderLanguage } : {}) },
    messageId: 'discord:99',
    text: '/rules',
    mentions: [],
    attachments: [],
    addressedToBot: true,
    ...(options.interaction ? { interaction: { id: 'i1', token: 'tok' } } : {}),
    sentAt: 0,
    raw: {},
  };
  const group: Group = {
    id: envelope.chat.id,
    platform: 'discord',
    title: 'Jardins',
    language: options.groupLanguage ?? 'fr',
    timezone: 'Europe/Paris',
    rules: null,
    active: true,
    settings: options.settings ?? {},
    communityId: null,
  };
  const deps: ContextDeps = {
    outbox: {
      enqueue: async (message) => {
        sent.push(message);
        return 'queued' as const;
      },
    },
    roles: { roleOf: async () => 'member' },
    translate: options.translate ?? translate,
    matchLanguage,
    clock: { now: () => 0 },
    log: silentLogger,
    services: {} as Services,
  };
  return { ctx: new Context(envelope, group, deps), sent };
}

describe('reply language', () => {
  it('uses the group language for a reply the group reads, whatever the sender speaks', () => {
    const { ctx } = contextFor({ senderLanguage: 'uk' });
    expect(ctx.replyLanguage()).toBe('fr');
    expect(ctx.t('rules.cleared')).toBe(translate('fr', 'rules.cleared'));
  });

  it('uses the sender’s language for an ephemeral answer to a Discord interaction (locale es-ES → es)', () => {
    const { ctx } = contextFor({ senderLanguage: 'es-ES', interaction: true });
    expect(ctx.replyLanguage({ ephemeral: true })).toBe('es');
    expect(ctx.t('errors.needs_admin', { command: '/setrules' }, { ephemeral: true })).toBe(
      'Lo siento, solo los administradores del grupo pueden usar /setrules.',
    );
    // The same interaction's public answer stays in the group's language.
    expect(ctx.replyLanguage()).toBe('fr');
  });

  it('keeps the group language for an "ephemeral" reply with no interaction: Telegram posts it in the group', () => {
    const { ctx } = contextFor({ senderLanguage: 'uk', interaction: false });
    expect(ctx.replyLanguage({ ephemeral: true })).toBe('fr');
  });

  it('uses the sender’s language in a private chat, unless they chose one with /lang there', () => {
    expect(contextFor({ chatType: 'private', senderLanguage: 'ar' }).ctx.replyLanguage()).toBe('ar');
    expect(contextFor({ chatType: 'private', senderLanguage: 'uk', settings: { languageChosen: true } }).ctx.replyLanguage()).toBe('fr');
  });

  it('falls back to the group language when the platform gives no hint or one Quartier does not speak', () => {
    expect(contextFor({ chatType: 'private' }).ctx.replyLanguage()).toBe('fr');
    expect(contextFor({ chatType: 'private', senderLanguage: 'de-DE' }).ctx.replyLanguage()).toBe('fr');
    expect(contextFor({ senderLanguage: 'pt-BR', interaction: true }).ctx.replyLanguage({ ephemeral: true })).toBe('fr');
  });

  it('hands the group’s time zone to every translation, so ICU date arguments show local time', () => {
    const calls: unknown[][] = [];
    const { ctx } = contextFor({ translate: (...args) => (calls.push(args), 'x') });
    ctx.t('rules.cleared');
    expect(calls).toEqual([['fr', 'rules.cleared', undefined, { timeZone: 'Europe/Paris' }]]);
  });
});
