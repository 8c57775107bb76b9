// Setup: the bot added to a group introduces itself once to its admins (what is set, the commands that change it,
// the permissions it still lacks); /setup shows the same again.
import { setup as setupCommand } from '../../../commands/setup.js';
import type { Feature } from '../../core/feature.js';
import { setupStage } from './stage.js';

export const setup: Feature = {
  name: 'setup',
  commands: [setupCommand],
  stages: [{ phase: 'before-commands', stage: setupStage }],
};
