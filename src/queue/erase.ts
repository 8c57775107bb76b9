// /forgetme in Redis: what waits or lingers there with a person's name, words or ids. Jobs (inbound batches that
// carry their messages, deliveries of relays, replies and notices that name them, anything addressed to their private
// chat; waiting, delayed, failed or completed) are removed through BullMQ; every other key of the deployment is
// read once: a key named after them goes, and a list, set, sorted set or hash loses the members that carry them
// (a held relay in a quiet group's morning digest, their chat's delivery lane). A job being worked on right now
// cannot be removed; it finishes and is then removed with the completed ones at the next /forgetme or by its age.
import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ErasureSubject } from '../core/feature.js';

const JOB_STATES = ['active', 'waiting', 'delayed', 'prioritized', 'failed', 'completed', 'waiting-children'] as const;
const PAGE = 200;
// Keys whose values never carry a person (dedupe markers), read by name only.
const NAME_ONLY = [':seen:'];

/** True when `text` carries one of the subject's ids (whole ids only: `telegram:42` is not in `telegram:420`). */
export function subjectMatcher(subject: ErasureSubject): (text: string) => boolean {
  const tokens = [subject.id, ...subject.privateChats, ...(subject.embeddedId ? [subject.embeddedId] : [])];
  const escaped = [...new Set(tokens)].map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  // `_` may come before an id: WhatsApp message ids end in `_<number>@c.us`.
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${escaped.join('|')})(?![A-Za-z0-9_.@-])`);
  return (text) => pattern.test(text);
}

/** Whether a job's data names the person: any of their ids, or them among a message's `people`. */
function jobNames(matches: (text: string) => boolean, id: string | undefined, data: unknown): boolean {
  return (id !== undefined && matches(id)) || matches(JSON.stringify(data ?? null));
}

interface Batch {
  envelopes: unknown[];
  claims?: string[];
}

function isBatch(data: unknown): data is Batch {
  return typeof data === 'object' && data !== null && Array.isArray((data as Batch).envelopes);
}

/**
 * An inbound batch holds other people's messages too: only the person's envelopes leave it. The others keep their
 * dedupe claims (by default a claim is the envelope's index in the job, which the removal would shift).
 */
function batchWithout(job: Job, data: Batch, matches: (text: string) => boolean): Batch | undefined {
  const kept: number[] = [];
  data.envelopes.forEach((envelope, i) => {
    if (!matches(JSON.stringify(envelope))) kept.push(i);
  });
  if (kept.length === 0) return undefined;
  return {
    ...data,
    envelopes: kept.map((i) => data.envelopes[i]),
    claims: kept.map((i) => data.claims?.[i] ?? `${job.id}@${job.timestamp}#${i}`),
  };
}

export async function eraseFromRedis(input: { redis: Redis; prefix: string; queues: Queue[] }, subject: ErasureSubject): Promise<number> {
  const { redis, prefix, queues } = input;
  const matches = subjectMatcher(subject);
  let removed = 0;

  for (const queue of queues) {
    for (const state of JOB_STATES) {
      // Removing shifts the pages behind, so a page that lost jobs is read again from the same start.
      for (let start = 0; ; ) {
        const jobs = await queue.getJobs([state], start, start + PAGE - 1);
        if (jobs.length === 0) break;
        let gone = 0;
        for (const job of jobs) {
          if (!job || !jobNames(matches, job.id, job.data)) continue;
          const data: unknown = job.data;
          let rest = isBatch(data) && !(job.id && matches(job.id)) ? batchWithout(job, data, matches) : undefined;
          // A batch a worker holds right now (the one carrying /forgetme itself) cannot be removed; its data is in the
          // worker's hands already, so the copy left in Redis can be emptied.
          if (!rest && state === 'active' && isBatch(data)) rest = { ...data, envelopes: [], claims: [] };
          if (rest) {
            await job.updateData(rest);
            removed++;
            continue;
          }
          // Any other job being worked on right now is left to finish.
          if (state === 'active') continue;
          try {
            await job.remove();
            if (job.id) await redis.del(`${prefix}:sent:${job.id}`, `${prefix}:parts:${job.id}`, `${prefix}:parts:file-only:${job.id}`);
            gone++;
          } catch {
            // Locked by a worker right now: it is left to finish.
          }
        }
        removed += gone;
        if (gone === 0) start += PAGE;
      }
    }
  }

  const queueKeys = queues.map((queue) => `${prefix}:${queue.name}:`);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      if (matches(key)) {
        removed += await redis.del(key);
        continue;
      }
      // A queue's own structures follow its jobs, which are gone by now; its event stream still names them.
      if (queueKeys.some((q) => key.startsWith(q))) {
        if (key.endsWith(':events')) removed += await scrubValue(redis, key, matches);
        continue;
      }
      if (NAME_ONLY.some((part) => key.includes(part))) continue;
      removed += await scrubValue(redis, key, matches);
    }
  } while (cursor !== '0');
  return removed;
}

/** Removes what names the person from one key's value; returns how many members (or whole values) went. */
export async function scrubValue(redis: Redis, key: string, matches: (text: string) => boolean): Promise<number> {
  switch (await redis.type(key)) {
    case 'string': {
      const value = await redis.get(key);
      return value !== null && matches(value) ? redis.del(key) : 0;
    }
    case 'list': {
      let n = 0;
      for (const value of new Set(await redis.lrange(key, 0, -1))) if (matches(value)) n += await redis.lrem(key, 0, value);
      return n;
    }
    case 'set': {
      const members = (await redis.smembers(key)).filter(matches);
      return members.length > 0 ? redis.srem(key, ...members) : 0;
    }
    case 'zset': {
      const members = (await redis.zrange(key, '0', '-1')).filter(matches);
      return members.length > 0 ? redis.zrem(key, ...members) : 0;
    }
    case 'hash': {
      const entries = Object.entries(await redis.hgetall(key)).filter(([field, value]) => matches(field) || matches(value));
      return entries.length > 0 ? redis.hdel(key, ...entries.map(([field]) => field)) : 0;
    }
    case 'stream': {
      let n = 0;
      for (let after = '-'; ; ) {
        const entries = await redis.xrange(key, after, '+', 'COUNT', 500);
        const matching = entries.filter(([, fields]) => fields.some(matches)).map(([id]) => id);
        if (matching.length > 0) n += await redis.xdel(key, ...matching);
        if (entries.length < 500) break;
        after = `(${entries.at(-1)![0]}`;
      }
      return n;
    }
    default:
      return 0;
  }
}
