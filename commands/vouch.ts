import type { Command } from '../src/core/command.js';
import { vouchFor } from '../src/features/addresses/actions.js';
import { parseAddressId } from '../src/features/addresses/parse.js';
import { replyUsage } from '../src/pipeline/commands.js';

/** `/vouch <id>`: recommends an address of this community too; one per person. */
export const vouch = {
  name: 'vouch',
  where: 'group',
  role: 'member',
  args: [{ name: 'address_id' }],
  async run(ctx, args) {
    const id = parseAddressId(args.address_id);
    if (id === undefined) return replyUsage(ctx);
    await vouchFor(ctx, id);
  },
} satisfies Command;
