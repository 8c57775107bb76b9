// Queue names and job ids, in one place so producers and workers agree.
import { createHash } from 'node:crypto';
import type { Platform } from '../core/envelope.js';

export const inboundQueueName = (partition: number) => `inbound-${partition}`;
export const deliveryQueueName = (platform: Platform) => `deliver-${platform}`;

/** Stable partition of a chat: every update of one chat goes to the same partition, so order is kept. */
export function partitionOf(chatId: string, partitions: number): number {
  const digest = createHash('sha1').update(chatId).digest();
  return digest.readUInt32BE(0) % partitions;
}

/** BullMQ job ids may not contain ':'; ours are built from `platform:id` strings. */
export function jobId(...parts: string[]): string {
  return parts.join('>').replaceAll(':', '|');
}
