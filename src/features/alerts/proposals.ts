// Other features' proposals that /approve and /reject decide (a member's event, for one): each registers its kind
// here, so the commands reach them without this feature knowing them. Ids are per kind, so a number may name a
// pending proposal of one kind and an old alert at once: the pending one is decided.
import type { Context, Group } from '../../core/context.js';

export interface ProposalKind {
  /** Names the kind in logs. */
  name: string;
  /** True when proposal `id` of this kind waits for a decision in this group. */
  pending(id: number, group: Group): Promise<boolean>;
  /** Approves or rejects it, answering the moderator. */
  decide(ctx: Context, id: number, approve: boolean): Promise<void>;
}

export class ProposalKinds {
  private readonly kinds: ProposalKind[] = [];

  register(kind: ProposalKind): void {
    this.kinds.push(kind);
  }

  /** The registered kind with proposal `id` pending in `group`, if any. */
  async pendingIn(id: number, group: Group): Promise<ProposalKind | undefined> {
    for (const kind of this.kinds) if (await kind.pending(id, group)) return kind;
    return undefined;
  }
}
