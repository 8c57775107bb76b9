// The sending plan every adapter shares: which posts a send makes, in which order, how a retry resumes and how an
// edit adds or drops posts. The adapters' own tests (tests/telegram, tests/discord, tests/whatsapp) check each
// platform's use of it against its stand-in.
import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/outbound.js';
import { oneFilePerMessage, planEdit, planSend, postInOrder } from '../../src/queue/sending-plan.js';

const caption = (limit: number) => ({
  where: 'caption' as const,
  captionOf: (texts: string[]) => (texts.length === 1 && texts[0]!.length <= limit ? texts[0] : undefined),
});

describe('planSend', () => {
  it('posts the text alone when there are no files', () => {
    expect(planSend(['a', 'b'], [], caption(10))).toEqual([
      { text: 'a', files: [] },
      { text: 'b', files: [] },
    ]);
  });

  it('puts a text that fits as the first file’s caption, the other files after it alone', () => {
    expect(planSend(['hi'], oneFilePerMessage(['f1', 'f2']), caption(10))).toEqual([
      { text: 'hi', files: ['f1'] },
      { files: ['f2'] },
    ]);
  });

  it('sends a text too long for a caption first, then every file without text', () => {
    expect(planSend(['long text'], oneFilePerMessage(['f1', 'f2']), caption(3))).toEqual([
      { text: 'long text', files: [] },
      { files: ['f1'] },
      { files: ['f2'] },
    ]);
  });

  it('with-last-text: the last piece of text carries the first batch, later batches go alone; no text, files at once', () => {
    expect(planSend(['a', 'b'], [['f1', 'f2'], ['f3']], { where: 'with-last-text' })).toEqual([
      { text: 'a', files: [] },
      { text: 'b', files: ['f1', 'f2'] },
      { files: ['f3'] },
    ]);
    expect(planSend([], [['f1'], ['f2']], { where: 'with-last-text' })).toEqual([{ files: ['f1'] }, { files: ['f2'] }]);
  });
});

describe('postInOrder', () => {
  const posts = planSend(['t1', 't2'], oneFilePerMessage(['f1', 'f2']), caption(1));
  const steps = (made: string[], failAt?: number) => ({
    async post(post: (typeof posts)[number], index: number) {
      if (index === failAt) throw new Error('platform said no');
      made.push(post.text ?? post.files[0]!);
      return `test:${index}`;
    },
    fileOnly: (post: (typeof posts)[number]) => post.files.length > 0 && !post.text,
    failure: (error: unknown) => new DeliveryError('transient', String(error)),
  });

  it('posts every post in order and names the file-only ones', async () => {
    const made: string[] = [];
    expect(await postInOrder({}, posts, steps(made))).toEqual({ messageIds: ['test:0', 'test:1', 'test:2', 'test:3'], fileOnlyIds: ['test:2', 'test:3'] });
    expect(made).toEqual(['t1', 't2', 'f1', 'f2']);
  });

  it('a failure names the posts made before it, and the retry resumes after them', async () => {
    const made: string[] = [];
    const failure = await postInOrder({}, posts, steps(made, 3)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).details).toMatchObject({ deliveredIds: ['test:0', 'test:1', 'test:2'], deliveredFileOnlyIds: ['test:2'] });
    const retried: string[] = [];
    expect(await postInOrder({ resumeAfter: 3 }, posts, steps(retried))).toEqual({ messageIds: ['test:3'], fileOnlyIds: ['test:3'] });
    expect(retried).toEqual(['f2']);
  });

  it('the first post’s failure names nothing; an error the platform leaves unmapped goes up as it is', async () => {
    const first = await postInOrder({}, posts, steps([], 0)).catch((error: unknown) => error);
    expect((first as DeliveryError).details.deliveredIds).toBeUndefined();
    const raw = await postInOrder({}, posts, { ...steps([], 1), failure: () => undefined }).catch((error: unknown) => error);
    expect(raw).not.toBeInstanceOf(DeliveryError);
  });

  it('stops after partLimit posts when more remain, saying more', async () => {
    const made: string[] = [];
    expect(await postInOrder({ partLimit: 2 }, posts, steps(made))).toEqual({ messageIds: ['test:0', 'test:1'], more: true });
    expect(await postInOrder({ partLimit: 2, resumeAfter: 2 }, posts, steps(made))).toEqual({ messageIds: ['test:2', 'test:3'], fileOnlyIds: ['test:2', 'test:3'] });
    expect(made).toEqual(['t1', 't2', 'f1', 'f2']);
  });
});

describe('planEdit', () => {
  it('changes the earlier posts in place, adds what a longer text needs and drops what a shorter one does not', () => {
    expect(planEdit(['a', 'b', 'c'], ['m1'])).toEqual({
      change: [{ part: 'a', previous: 'm1', index: 0 }],
      add: [
        { part: 'b', index: 1 },
        { part: 'c', index: 2 },
      ],
      drop: [],
    });
    expect(planEdit(['a'], ['m1', 'm2', 'm3'])).toEqual({ change: [{ part: 'a', previous: 'm1', index: 0 }], add: [], drop: ['m2', 'm3'] });
  });
});
