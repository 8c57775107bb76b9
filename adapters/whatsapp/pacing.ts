// How fast Quartier sends on WhatsApp. WhatsApp Web has no published limits and no 429: a number that sends in
// bursts is simply banned, so the policy is deliberately slow and irregular.
// - 4 s between two messages to the same group: a busy human admin, never a flood in one chat.
// - 1.5 s between any two messages overall: an alert fanned out to 30 groups takes about a minute (30 × 1.5 s plus
//   jitter) instead of leaving in one burst, which is the pattern WhatsApp's spam detection looks for.
// - up to 1 s of random extra delay, so the spacing is not machine-regular.
// - 10 ms of catch-up after a late send, no more: nothing that looks like a burst.
// All of them can be overridden (createWhatsAppAdapter's `pacing` option) for numbers with a longer, trusted history.
import type { PacingPolicy } from '../../src/core/adapter.js';

export const DEFAULT_WHATSAPP_PACING: Readonly<Required<PacingPolicy>> = Object.freeze({
  perChatIntervalMs: 4_000,
  globalIntervalMs: 1_500,
  jitterMs: 1_000,
  catchUpMs: 10,
});

export function whatsappPacing(overrides: Partial<PacingPolicy> = {}): Required<PacingPolicy> {
  const policy = { ...DEFAULT_WHATSAPP_PACING, ...overrides };
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`whatsapp pacing ${name} must be a number >= 0, got ${value}`);
  }
  return policy;
}
