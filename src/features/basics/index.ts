// What every group has without setting anything up: what Quartier is, its commands, the group's rules text, its
// language and time zone, the audit of settings changes, and /forgetme for anyone.
import { audit } from '../../../commands/audit.js';
import { forgetme } from '../../../commands/forgetme.js';
import { help } from '../../../commands/help.js';
import { lang } from '../../../commands/lang.js';
import { clearrules, rules, setrules } from '../../../commands/rules.js';
import { start } from '../../../commands/start.js';
import { timezone } from '../../../commands/timezone.js';
import type { Feature } from '../../core/feature.js';

export const basics: Feature = {
  name: 'basics',
  commands: [start, help, rules, setrules, clearrules, lang, timezone, audit, forgetme],
};
