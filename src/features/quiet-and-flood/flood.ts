// Flood control as a pure sliding window. The caller keeps one member's recent message times (the lead stores them
// in Redis), passes them in with the time of the new message, and stores `keep` for next time.

export interface FloodLimit {
  /** How many messages are allowed… */
  messages: number;
  /** …within this many seconds. */
  seconds: number;
  /** Mute a flooding member for this long instead of reminding them (where a mute service is running). */
  muteMs?: number;
}

export interface FloodResult {
  /** True when the new message (at `now`) is one too many for the window. */
  over: boolean;
  /** Timestamps to store for the next check: those still in the window plus `now`, oldest first, bounded in size. */
  keep: number[];
}

/**
 * Counts the new message at `now` together with the earlier `timestampsMs` that fall in the window
 * (now - seconds, now]. `over` is true when that count exceeds `limit.messages`. Timestamps after `now` (another
 * worker's clock running slightly ahead) count as `now` rather than being dropped. `keep` never holds more than
 * `limit.messages + 1` entries, so a flooding member cannot grow the stored list.
 */
export function floodCheck(timestampsMs: number[], now: number, limit: FloodLimit): FloodResult {
  const windowStart = now - limit.seconds * 1000;
  const inWindow = timestampsMs.filter((t) => Number.isFinite(t) && t > windowStart).map((t) => Math.min(t, now));
  inWindow.push(now);
  inWindow.sort((a, b) => a - b);
  const over = inWindow.length > limit.messages;
  const cap = Math.max(1, Math.floor(limit.messages) + 1);
  return { over, keep: inWindow.slice(-cap) };
}
