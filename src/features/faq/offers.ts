// The "did you mean" choices /faq offered, kept server-side so a pick can be tied to the question it answers without
// trusting the client: a short random token in each button's data names the offer, and the asker's latest offer in a
// group answers their typed `/faq <id>` (WhatsApp has no buttons). An offer lives OFFER_TTL_MS in Redis; the asker's
// pick takes it, so one question teaches at most one entry. Keys and values name the asker, so /forgetme's scan of
// Redis (src/queue/erase.ts) removes the questions still waiting for a pick.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { QualifiedId } from '../../core/envelope.js';

/** How long a pick may follow the question: long enough to read the choices later, short for what it keeps. */
export const OFFER_TTL_MS = 6 * 60 * 60_000;

export interface FaqOffer {
  groupId: QualifiedId;
  askerId: QualifiedId;
  /** What the asker typed after /faq. */
  question: string;
  /** The language the question was matched in (the asker's hint, else detected, else the group's). */
  lang: string;
  /** The entries offered as choices: only one of these can be learned from this question. */
  offered: number[];
}

/** Tokens are 8 characters of [A-Za-z0-9_-]: 48 random bits, short enough for Telegram's 64-byte button data. */
export const OFFER_TOKEN = /^[A-Za-z0-9_-]{8}$/;

export class FaqOffers {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs = OFFER_TTL_MS,
  ) {}

  private offerKey(token: string): string {
    return `${this.prefix}:faq:offer:${token}`;
  }

  private latestKey(groupId: QualifiedId, askerId: QualifiedId): string {
    return `${this.prefix}:faq:offer:latest:${groupId}\n${askerId}`;
  }

  /** Keeps an offer and returns its token; it becomes the asker's latest offer in the group. */
  async create(offer: FaqOffer): Promise<string> {
    const token = randomBytes(6).toString('base64url');
    await this.redis
      .multi()
      .set(this.offerKey(token), JSON.stringify(offer), 'PX', this.ttlMs)
      .set(this.latestKey(offer.groupId, offer.askerId), token, 'PX', this.ttlMs)
      .exec();
    return token;
  }

  /** The offer a button's token names, if it is still kept. */
  async get(token: string): Promise<FaqOffer | undefined> {
    if (!OFFER_TOKEN.test(token)) return undefined;
    const raw = await this.redis.get(this.offerKey(token));
    return raw === null ? undefined : (JSON.parse(raw) as FaqOffer);
  }

  /** The token of the asker's latest offer in the group, if it is still kept. */
  async latest(groupId: QualifiedId, askerId: QualifiedId): Promise<string | undefined> {
    return (await this.redis.get(this.latestKey(groupId, askerId))) ?? undefined;
  }

  /** Ends an offer once its asker picked: true for the one caller that took it (a double tap counts once). */
  async take(token: string, offer: FaqOffer): Promise<boolean> {
    const removed = await this.redis.del(this.offerKey(token));
    const latest = this.latestKey(offer.groupId, offer.askerId);
    if ((await this.redis.get(latest)) === token) await this.redis.del(latest);
    return removed === 1;
  }
}
