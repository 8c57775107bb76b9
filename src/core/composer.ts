// Middleware in the grammY style: `(ctx, next) => Promise<void>`. A middleware that does not call `next` ends the
// chain for this update; calling `next` twice is a bug and throws instead of running the rest twice.

export type Next = () => Promise<void>;
export type Middleware<C> = (ctx: C, next: Next) => Promise<void>;

export class NextCalledTwiceError extends Error {
  constructor(stage: string) {
    super(`next() called more than once in stage "${stage}"`);
    this.name = 'NextCalledTwiceError';
  }
}

export interface Stage<C> {
  name: string;
  run: Middleware<C>;
}

/** Runs the stages in order. `onStageError` decides what a failing stage means; by default the error propagates. */
export function compose<C>(stages: Stage<C>[]): (ctx: C) => Promise<void> {
  return async (ctx: C) => {
    const dispatch = async (index: number): Promise<void> => {
      const stage = stages[index];
      if (!stage) return;
      let called = false;
      await stage.run(ctx, async () => {
        if (called) throw new NextCalledTwiceError(stage.name);
        called = true;
        await dispatch(index + 1);
      });
    };
    await dispatch(0);
  };
}
