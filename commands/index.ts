// Every chat command, in the order /help lists them.
import type { Command } from '../src/core/command.js';
import { alert } from './alert.js';
import { approve, reject } from './approve.js';
import { bridge } from './bridge.js';
import { community } from './community.js';
import { faq } from './faq.js';
import { forgetme } from './forgetme.js';
import { help } from './help.js';
import { cancel } from './cancel.js';
import { done } from './done.js';
import { need } from './need.js';
import { offer } from './offer.js';
import { requests } from './requests.js';
import { start } from './start.js';
import { lang } from './lang.js';
import { clearrules, rules, setrules } from './rules.js';
import { timezone } from './timezone.js';
import { quiet } from './quiet.js';
import { flood } from './flood.js';
import { audit } from './audit.js';

export const allCommands: Command[] = [start, help, rules, setrules, clearrules, lang, timezone, quiet, flood, audit, faq, community, alert, approve, reject, need, offer, done, cancel, requests, bridge, forgetme];
