// The welcome settings as they live in the group's `settings` document: the greeting (its text, its translations,
// whether it is off) and whether newcomers must verify. Read with zod so a hand-edited document degrades to the
// defaults instead of breaking the stage. Written only through GroupRepository.change() (audited).
import { z } from 'zod';
import type { Group } from '../../core/context.js';

export const SETTING = { welcome: 'welcome', verify: 'verify' } as const;

/** The longest greeting an admin may set: room for a few paragraphs, far below every platform's message limit. */
export const WELCOME_TEXT_MAX = 1500;

const welcomeSchema = z.object({
  /** The admins' greeting in the group's language; absent: the built-in one. */
  text: z.string().max(WELCOME_TEXT_MAX).optional(),
  /** The same greeting in other languages, by language code. */
  translations: z.record(z.string(), z.string().max(WELCOME_TEXT_MAX)).optional(),
  off: z.boolean().optional(),
});

export type WelcomeSettings = z.infer<typeof welcomeSchema>;

export function welcomeSettings(group: Pick<Group, 'settings'>): WelcomeSettings {
  const parsed = welcomeSchema.safeParse(group.settings[SETTING.welcome]);
  return parsed.success ? parsed.data : {};
}

export function verifyOn(group: Pick<Group, 'settings'>): boolean {
  return group.settings[SETTING.verify] === true;
}

/** Newcomers are greeted unless the greeting is off; with verification on they always get the prompt. */
export function greets(group: Pick<Group, 'settings'>): boolean {
  return welcomeSettings(group).off !== true || verifyOn(group);
}
