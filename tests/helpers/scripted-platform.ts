// A platform for queue tests whose answers a test scripts: it records every send, and can be told to answer the next
// sends with a rate limit, a transient failure or a permanent one. It implements the adapter contract like any
// platform adapter; it is not a stand-in for any of our own code.
import type { AdapterHooks, InboundSink, PacingPolicy, PlatformAdapter } from '../../src/core/adapter.js';
import { qualify } from '../../src/core/envelope.js';
import { DeliveryError, type DeliveryResult, type OutboundMessage } from '../../src/core/outbound.js';
import type { RoleLookup } from '../../src/core/roles.js';

export type ScriptedAnswer = 'ok' | { rateLimitMs: number } | 'transient' | 'permanent' | 'gone' | { hangMs: number };

export class ScriptedPlatform implements PlatformAdapter {
  readonly platform = 'console' as const;
  readonly sent: { message: OutboundMessage; at: number }[] = [];
  readonly attempts: OutboundMessage[] = [];
  readonly roles: RoleLookup = { roleOf: async () => 'member' };
  private readonly script: ScriptedAnswer[] = [];
  private seq = 0;
  sink: InboundSink | undefined;

  constructor(readonly pacing: PacingPolicy = { perChatIntervalMs: 0, globalIntervalMs: 0 }) {}

  /** The next sends get these answers, in order; after that, every send succeeds. */
  answerNext(...answers: ScriptedAnswer[]): void {
    this.script.push(...answers);
  }

  async start(sink: InboundSink, _hooks: AdapterHooks): Promise<void> {
    this.sink = sink;
  }

  async stop(): Promise<void> {}

  async send(message: OutboundMessage): Promise<DeliveryResult> {
    // The time the request left, which is what a platform's rate limit sees.
    const at = Date.now();
    this.attempts.push(message);
    const answer = this.script.shift() ?? 'ok';
    if (typeof answer === 'object' && 'rateLimitMs' in answer) {
      throw new DeliveryError('rate-limited', 'Too Many Requests', { retryAfterMs: answer.rateLimitMs });
    }
    if (typeof answer === 'object' && 'hangMs' in answer) await new Promise((r) => setTimeout(r, answer.hangMs));
    if (answer === 'transient') throw new DeliveryError('transient', 'Bad Gateway');
    if (answer === 'permanent') throw new DeliveryError('permanent', 'Bad Request: message is malformed');
    if (answer === 'gone') throw new DeliveryError('permanent', 'Forbidden: bot was kicked', { chatGone: true });
    this.sent.push({ message, at });
    return { messageIds: [qualify('console', `sent-${this.seq++}`)] };
  }
}
