// Per-chat order and spacing, checked when a delivery job runs. The Outbox already delays each job to its chat's
// next free slot, but a busy machine can wake a worker late and hand it two jobs of the same chat at once, and a
// retried job can fall behind later ones. So each chat has a lane in Redis: the pending job ids ordered by slot.
// A job may send only when it is at the head of its lane and the chat's spacing since the last send has passed;
// otherwise it is moved to a later time (scheduling, not sleeping). A job leaves the lane when it is delivered or
// fails for good. A head whose job no longer exists, or has completed or failed, is dropped on the spot, so a lost
// job cannot block its chat.
import type { Redis } from 'ioredis';
import type { PacingPolicy } from '../core/adapter.js';
import { LuaScript } from './lua.js';

// A delivery job's turn, in one round trip. KEYS[1] lane zset, KEYS[2] the chat's last-send key, KEYS[3] failed zset,
// KEYS[4] completed zset, KEYS[5] the platform's next free send time, KEYS[6] the job's "sent" marker, KEYS[7] the
// chat's set of jobs waiting for their turn, KEYS[8...] lists the job reads when it goes. ARGV[1] job id, ARGV[2] now
// ms, ARGV[3] per-chat interval ms, ARGV[4] job key prefix ("<prefix>:<queue>:"), ARGV[5] ttl ms, ARGV[6] the
// platform's global interval ms, ARGV[7] how far ahead a job may book the platform's next free time.
// The platform's sends are booked on a grid: each job takes the next free time and moves it one interval on. A job
// that starts a few ms late does not push every later send back, so a fan-out of a thousand messages takes the time
// the platform allows and no more; and no two sends are ever booked closer than the interval, which is what the
// platform counts.
// Returns {'sent', result} when an earlier attempt already has the platform's answer (nothing more to check: it must
// not post again); {'behind'} when an earlier job of the chat is pending (this one is then in the waiting set, so that
// job wakes it when it leaves); {'later', ms} when the chat's spacing, or a platform time too far ahead, says not yet;
// or {'go', at, ...} with the booked send time and the contents of KEYS[8...] (what an earlier attempt already posted).
const CLAIM = new LuaScript(`
local sent = redis.call('GET', KEYS[6])
if sent then return {'sent', sent} end
local me = ARGV[1]
local now = tonumber(ARGV[2])
for _ = 1, 100 do
  local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
  if head == nil or head == me then break end
  local alive = redis.call('EXISTS', ARGV[4] .. head) == 1
    and not redis.call('ZSCORE', KEYS[3], head) and not redis.call('ZSCORE', KEYS[4], head)
  if alive then
    if redis.call('ZSCORE', KEYS[1], me) then
      redis.call('SADD', KEYS[7], me)
      return {'behind'}
    end
    break
  end
  redis.call('ZREM', KEYS[1], head)
end
local interval = tonumber(ARGV[3])
local chatDue = tonumber(redis.call('GET', KEYS[2]) or '0') + interval
if chatDue > now then return {'later', chatDue} end
local at = now
local globalInterval = tonumber(ARGV[6])
if globalInterval > 0 then
  local nextFree = tonumber(redis.call('GET', KEYS[5]) or '0')
  if nextFree - now > tonumber(ARGV[7]) then return {'later', nextFree} end
  at = math.max(now, nextFree)
  redis.call('SET', KEYS[5], at + globalInterval, 'PX', 60000)
end
if interval > 0 then redis.call('SET', KEYS[2], at, 'PX', ARGV[5]) end
redis.call('SREM', KEYS[7], me)
local answer = {'go', at}
for i = 8, #KEYS do table.insert(answer, redis.call('LRANGE', KEYS[i], 0, -1)) end
return answer
`);

// The platform's spacing between the sends themselves. A booked time is when a job may send, but a worker can wake
// late (a busy event loop, a slow file) and send together with the next job, whose time came meanwhile; the platform
// counts the sends. So each send is also recorded on a grid one interval after the previous one (or at its actual
// time if later), and may leave up to the platform's catch-up before its grid time: a late send moves later ones by
// its lateness once, and a wake-up a few ms late is made up instead of adding up over a thousand sends. In any window,
// the sends are at most those of the grid plus the catch-up's worth, which the platforms' margins allow (see the
// adapters' pacing). KEYS[1] the platform's last-send key. ARGV[1] now ms, ARGV[2] the global interval ms, ARGV[3]
// the catch-up ms. Returns 0 (send now, recorded) or how many ms to wait first, rounded up (a script's numbers reach
// the caller as integers: a wait of 0.75 ms must not read as 0).
const SPACE = new LuaScript(`
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local grid = tonumber(redis.call('GET', KEYS[1]) or '0') + interval
local due = grid - tonumber(ARGV[3])
if due > now then return math.ceil(due - now) end
redis.call('SET', KEYS[1], math.max(now, grid), 'PX', 60000)
return 0
`);

// KEYS[1] lane zset. ARGV[1] job id, ARGV[2] slot ms. A re-added job (a re-run) keeps its place.
const JOIN = new LuaScript(`
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
local slot = tonumber(ARGV[2])
local same = redis.call('ZCOUNT', KEYS[1], slot, '(' .. (slot + 1))
redis.call('ZADD', KEYS[1], slot + math.min(same, 4095) / 4096, ARGV[1])
return 1
`);

// KEYS[1] lane zset, KEYS[2] the chat's waiting set. ARGV[1] job id. Returns the new head of the lane if it was
// waiting for its turn (and takes it out of the waiting set: one wake-up per wait), else nil.
const LEAVE = new LuaScript(`
redis.call('ZREM', KEYS[1], ARGV[1])
local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
if head and redis.call('SREM', KEYS[2], head) == 1 then return head end
return false
`);

/** What a delivery job may do now (see CLAIM). */
export type Turn =
  | { kind: 'sent'; result: string }
  | { kind: 'go'; at: number; lists: string[][] }
  | { kind: 'wait'; retryAt: number; behind: boolean };

export class ChatLanes {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private laneKey(chatId: string): string {
    return `${this.prefix}:lane:${chatId}`;
  }

  /**
   * Called by the Outbox when a job is added: the job takes its place in its chat's lane, ordered by its slot. Jobs
   * given the same millisecond (a chat with no spacing) keep the order they were added in: the fraction counts them.
   */
  async join(chatId: string, jobId: string, slot: number): Promise<void> {
    await JOIN.run(this.redis, [this.laneKey(chatId)], [jobId, slot]);
  }

  private waitingKey(chatId: string): string {
    return `${this.prefix}:lanewait:${chatId}`;
  }

  /**
   * The job is done with the chat (delivered, or failed for good). Returns the next job in line if it is waiting for
   * its turn (not for its scheduled time: a message held for quiet hours must not be woken), so the caller can wake it.
   */
  async leave(chatId: string, jobId: string): Promise<string | undefined> {
    const next = await LEAVE.run(this.redis, [this.laneKey(chatId), this.waitingKey(chatId)], [jobId]);
    return typeof next === 'string' ? next : undefined;
  }

  /**
   * Waits until `notBefore` (the time the claim booked) and the platform's next send time on its grid (see SPACE), and
   * records this send. Called right before a send.
   */
  async spaceSend(queueKey: string, pacing: Pick<PacingPolicy, 'globalIntervalMs' | 'catchUpMs'>, notBefore = 0): Promise<void> {
    const { globalIntervalMs, catchUpMs = Math.min(10, globalIntervalMs / 4) } = pacing;
    // A timer may fire a millisecond before the wall clock reaches its time, so the booked time is checked again.
    for (let remaining = notBefore - Date.now(); remaining > 0; remaining = notBefore - Date.now()) {
      await new Promise((resolve) => setTimeout(resolve, remaining));
    }
    if (globalIntervalMs <= 0) return;
    for (;;) {
      const wait = Number(await SPACE.run(this.redis, [`${queueKey}:last-send`], [Date.now(), globalIntervalMs, catchUpMs]));
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /**
   * May `jobId` send to `chatId` now? `sent`: an earlier attempt already has the platform's answer (stored under
   * `sentKey`), so it must not post again. `go`: yes, with the contents of the lists named by `readLists` (what an
   * earlier attempt already posted), read in the same round trip, and the time booked for the send (`at`, now or a
   * moment later: the platform's next free time). `wait`: try again at `retryAt`.
   */
  async claim(input: {
    chatId: string;
    jobId: string;
    queueKey: string;
    sentKey: string;
    readLists: string[];
    now: number;
    intervalMs: number;
    globalIntervalMs?: number;
  }): Promise<Turn> {
    const { chatId, jobId, queueKey, now, intervalMs } = input;
    const ttl = Math.max(60_000, intervalMs * 4);
    const keys = [
      this.laneKey(chatId),
      `${this.prefix}:last:${chatId}`,
      `${queueKey}:failed`,
      `${queueKey}:completed`,
      `${queueKey}:next-send`,
      input.sentKey,
      this.waitingKey(chatId),
      ...input.readLists,
    ];
    const globalIntervalMs = input.globalIntervalMs ?? 0;
    // Booking further ahead holds a worker asleep for longer; beyond this the job is moved to that time instead.
    const horizonMs = Math.max(1000, 2 * globalIntervalMs);
    const answer = (await CLAIM.run(this.redis, keys, [jobId, now, intervalMs, `${queueKey}:`, ttl, globalIntervalMs, horizonMs])) as [string, ...unknown[]];
    const [kind, ...rest] = answer;
    if (kind === 'sent') return { kind: 'sent', result: String(rest[0]) };
    if (kind === 'go') return { kind: 'go', at: Number(rest[0]), lists: rest.slice(1) as string[][] };
    // Behind an earlier job: the earlier one wakes this one when it leaves the lane; the retry time is only a fallback
    // in case that wake-up is lost (a crash between the two).
    if (kind === 'behind') return { kind: 'wait', retryAt: now + Math.max(1000, intervalMs), behind: true };
    return { kind: 'wait', retryAt: Number(rest[0]), behind: false };
  }
}
