// Drops a platform event we have already processed (a webhook retried, an update served twice). It runs once per
// inbound job, before the job's envelopes go through the stages: one round trip for the whole batch, where a check per
// envelope would put a round trip in every envelope's path (partitions work their envelopes one at a time, so that wait
// bounded the whole pipeline's throughput). Each event's key holds the claim of the job that took it while it is
// being processed, then `done`:
// - the same claim again is a retry of that job (it failed, or its process died mid-way): processed again;
// - `done` means it went all the way through once: a re-run of its batch after a crash skips it;
// - any other claim is the same event accepted twice: dropped.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ClaimedEvent } from './inbound.js';
import { LuaScript } from './lua.js';

const TTL_SECONDS = 24 * 3600;

// KEYS: one key per event. ARGV[1] ttl seconds, ARGV[2...] each event's claim. Returns 1 (process it) or 0 (skip), per
// event, in order. Sequential, so the same event twice in one batch is taken by its first copy only.
const ADMIT = new LuaScript(`
local answer = {}
for i, key in ipairs(KEYS) do
  local claim = ARGV[i + 1]
  if redis.call('SET', key, claim, 'EX', ARGV[1], 'NX') then
    answer[i] = 1
  elseif redis.call('GET', key) == claim then
    answer[i] = 1
  else
    answer[i] = 0
  end
end
return answer
`);

export class EventDedupe {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:seen:${id}`;
  }

  /** Which of a job's events are this job's to process, in one round trip. */
  readonly admit = async (events: ClaimedEvent[]): Promise<boolean[]> => {
    if (events.length === 0) return [];
    const answer = (await ADMIT.run(
      this.redis,
      events.map((e) => this.key(e.id)),
      [TTL_SECONDS, ...events.map((e) => e.claim)],
    )) as number[];
    return answer.map((a) => a === 1);
  };

  /**
   * The event went all the way through. Not awaited: it travels with the next command on the connection. Lost in a
   * crash, the event is processed again, as a retry would be (replies and relays have fixed ids: not posted twice).
   */
  readonly done = (id: string): void => {
    this.redis.set(this.key(id), 'done', 'EX', TTL_SECONDS).catch((error: unknown) => this.log.warn({ err: error }, 'dedupe marker not stored'));
  };
}
