// Every capability of Quartier, in order: /help lists their commands in this order, and their stages run in this
// order within each phase. Adding a capability is one folder under src/features/ and one line here.
import type { Command } from '../core/command.js';
import type { Feature } from '../core/feature.js';
import { addresses } from './addresses/index.js';
import { alerts } from './alerts/index.js';
import { basics } from './basics/index.js';
import { bridges } from './bridges/index.js';
import { codes } from './codes/index.js';
import { communities } from './communities/index.js';
import { eventsFeature } from './events/index.js';
import { dashboard } from './dashboard/index.js';
import { faq } from './faq/index.js';
import { helpRequests } from './help-requests/index.js';
import { moderation } from './moderation/index.js';
import { quietAndFlood } from './quiet-and-flood/index.js';
import { setup } from './setup/index.js';
import { welcome } from './welcome/index.js';

export const FEATURES: Feature[] = [basics, setup, codes, welcome, quietAndFlood, faq, communities, alerts, helpRequests, addresses, bridges, moderation, eventsFeature, dashboard];

/** The commands of these features, in /help order. */
export function commandsOf(features: Feature[]): Command[] {
  return features.flatMap((feature) => feature.commands ?? []);
}

export const allCommands: Command[] = commandsOf(FEATURES);
