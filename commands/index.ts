// Every chat command, in the order /help lists them.
import type { Command } from '../src/core/command.js';
import { forgetme } from './forgetme.js';
import { help } from './help.js';
import { lang } from './lang.js';
import { clearrules, rules, setrules } from './rules.js';
import { timezone } from './timezone.js';

export const allCommands: Command[] = [help, rules, setrules, clearrules, lang, timezone, forgetme];
