// When each group last had a message, for the community page. Written by a stage on every group message that reaches
// it, at most once a minute per group and process, into one Redis hash (a group with nothing new costs nothing).
import type { Redis } from 'ioredis';
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';

const WRITE_EVERY_MS = 60_000;

export class GroupActivity {
  /** When this process last wrote each group (bounded: oldest out). */
  private readonly written = new Map<QualifiedId, number>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private get key(): string {
    return `${this.prefix}:dashboard:activity`;
  }

  async seen(groupId: QualifiedId, at: number): Promise<void> {
    const last = this.written.get(groupId);
    if (last !== undefined && at - last < WRITE_EVERY_MS) return;
    this.written.delete(groupId);
    if (this.written.size >= 10_000) this.written.delete(this.written.keys().next().value!);
    this.written.set(groupId, at);
    await this.redis.hset(this.key, groupId, String(at));
  }

  /** Last activity of each group asked for (absent when never seen). */
  async lastOf(groupIds: QualifiedId[]): Promise<Map<QualifiedId, number>> {
    if (groupIds.length === 0) return new Map();
    const values = await this.redis.hmget(this.key, ...groupIds);
    const out = new Map<QualifiedId, number>();
    groupIds.forEach((id, i) => {
      if (values[i]) out.set(id, Number(values[i]));
    });
    return out;
  }
}

export const activityStage: Stage<Context> = {
  name: 'dashboard-activity',
  async run(ctx, next) {
    const { envelope } = ctx;
    if (envelope.chat.type === 'group' && (envelope.kind === 'message' || envelope.kind === 'edit')) {
      await ctx.services.dashboard.activity.seen(envelope.chat.id, ctx.clock.now());
    }
    await next();
  },
};
