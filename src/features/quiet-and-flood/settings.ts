// The group-rules settings as they live in the group's `settings` JSON document. Read with zod so a hand-edited or
// older document degrades to "not set" instead of breaking a stage. Written only through GroupRepository.change().
import { z } from 'zod';
import type { Group } from '../../core/context.js';
import { QUIET_MODES, quietHoursSchema, type QuietHours, type QuietMode } from './quiet-hours.js';
import type { FloodLimit } from './flood.js';

/** Keys of the settings document owned by group rules (one audit entry names the key it changed). */
export const SETTING = {
  quietHours: 'quietHours',
  quietMode: 'quietMode',
  quietAnnounce: 'quietAnnounce',
  flood: 'flood',
} as const;

export const floodLimitSchema = z.object({
  messages: z.number().int().min(1).max(1000),
  seconds: z.number().int().min(1).max(3600),
  /** A minute to 28 days (Discord's longest timeout). */
  muteMs: z.number().int().min(60_000).max(28 * 86_400_000).optional(),
});

export interface RulesSettings {
  quietHours: QuietHours | undefined;
  /** What happens to members' messages during quiet hours; remind unless an admin chose otherwise. */
  quietMode: QuietMode;
  quietAnnounce: boolean;
  flood: FloodLimit | undefined;
}

// Built once: the group-rules stage reads the settings of every message, and building a schema costs more than using it.
const quietModeSchema = z.enum(QUIET_MODES);

export function rulesSettings(group: Pick<Group, 'settings'>): RulesSettings {
  const s = group.settings;
  const quiet = quietHoursSchema.safeParse(s[SETTING.quietHours]);
  const mode = quietModeSchema.safeParse(s[SETTING.quietMode]);
  const flood = floodLimitSchema.safeParse(s[SETTING.flood]);
  return {
    quietHours: quiet.success ? (quiet.data as QuietHours) : undefined,
    quietMode: mode.success ? mode.data : 'remind',
    quietAnnounce: s[SETTING.quietAnnounce] === true,
    flood: flood.success ? flood.data : undefined,
  };
}
