import { defineCommand } from '../src/core/command.js';
import { vouchFor } from '../src/features/addresses/actions.js';
import { parseNumber } from '../src/text/numbers.js';

/** `/vouch <id>`: recommends an address of this community too; one per person. */
export const vouch = defineCommand({
  name: 'vouch',
  where: 'group',
  role: 'member',
  args: [{ name: 'address_id' }],
  async run(ctx, args) {
    const id = parseNumber(args.address_id);
    if (id === undefined) return ctx.usage();
    await vouchFor(ctx, id);
  },
});
