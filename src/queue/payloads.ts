// Job payloads are validated when a worker takes them: a malformed job (an old format, a hand-edited Redis) fails
// once with a clear reason instead of crashing a handler deep inside. The envelope's schema lives with its type in
// src/core/envelope.ts.
import { z } from 'zod';
import { ATTACHMENT_KINDS, PLATFORMS, qualifiedIdSchema } from '../core/envelope.js';
import { MEMBER_ACTIONS, type OutboundMessage } from '../core/outbound.js';

const qualified = qualifiedIdSchema;

const span = z.object({
  type: z.enum(['bold', 'italic', 'code', 'pre', 'link', 'strike']),
  offset: z.number().int().min(0),
  length: z.number().int().min(0),
  url: z.string().optional(),
});

export const outboundSchema = z.object({
  id: z.string().min(1),
  target: qualified,
  action: z.enum(['send', 'edit', 'delete', ...MEMBER_ACTIONS]),
  text: z.string(),
  format: z.array(span).optional(),
  mentions: z.array(z.object({ userId: qualified, offset: z.number().int(), length: z.number().int() })).optional(),
  replyTo: qualified.optional(),
  threadId: z.string().optional(),
  buttons: z.array(z.object({ label: z.string(), data: z.string(), startPayload: z.string().optional() })).optional(),
  editOf: z.array(qualified).optional(),
  interaction: z.object({ id: z.string(), token: z.string() }).optional(),
  ephemeral: z.boolean().optional(),
  identity: z.object({ name: z.string(), avatarUrl: z.string().optional() }).optional(),
  urgent: z.boolean().optional(),
  people: z.array(qualified).optional(),
  leavesNoTrace: z.boolean().optional(),
  resumeAfter: z.number().int().min(0).optional(),
  origin: z.object({ feature: z.string().min(1), ref: z.record(z.string(), z.unknown()) }).optional(),
  member: z.object({ userId: qualified, untilMs: z.number().int().optional() }).optional(),
  files: z
    .array(
      z.object({
        kind: z.enum(ATTACHMENT_KINDS),
        source: z.object({ platform: z.enum(PLATFORMS), fileRef: z.string().min(1) }),
        fileName: z.string().optional(),
        mimeType: z.string().optional(),
        size: z.number().optional(),
        notice: z.string(),
      }),
    )
    .optional(),
}) satisfies z.ZodType<Omit<OutboundMessage, 'uploads'>>;

/** What a delivery job carries: the message, and when it was first due (for latency figures). */
export const deliveryJobSchema = z.object({
  message: outboundSchema,
  enqueuedAt: z.number(),
});
export type DeliveryJob = z.infer<typeof deliveryJobSchema>;
