/** A stage failed for one update; carries what the log line needs to find the chat again. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    readonly chatId: string,
    override readonly cause: unknown,
  ) {
    super(`stage "${stage}" failed for ${chatId}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StageError';
  }
}

/** An update took longer than its deadline; the chat moves on to its next update. */
export class DeadlineExceededError extends Error {
  constructor(readonly chatId: string, readonly ms: number) {
    super(`update for ${chatId} exceeded its ${ms} ms deadline`);
    this.name = 'DeadlineExceededError';
  }
}

/** Runs `work` but gives up waiting after `ms`. The work itself cannot be cancelled; its result is ignored. */
export async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
