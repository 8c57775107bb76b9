// Runs the ordered stages for one envelope. Each stage's error is caught and logged with the chat, and the chain
// goes on to the next stage (a failing command must not stop a bridge relay). A deadline keeps one stuck update from
// blocking its chat forever.
import type { Stage } from '../core/composer.js';
import { compose } from '../core/composer.js';
import { Context, type ContextDeps, type Group } from '../core/context.js';
import type { Envelope } from '../core/envelope.js';
import { DeadlineExceededError, StageError, withDeadline } from '../core/errors.js';

export interface PipelineOptions {
  stages: Stage<Context>[];
  deps: ContextDeps;
  deadlineMs: number;
  onStageError?: (error: StageError) => void;
}

function guarded(stage: Stage<Context>, onError: (error: StageError) => void): Stage<Context> {
  return {
    name: stage.name,
    async run(ctx, next) {
      let nextCalled = false;
      const guardedNext = async () => {
        nextCalled = true;
        await next();
      };
      try {
        await stage.run(ctx, guardedNext);
      } catch (cause) {
        // An error from a later stage has already been handled there; only this stage's own failure lands here.
        const error = cause instanceof StageError ? cause : new StageError(stage.name, ctx.envelope.chat.id, cause);
        if (cause instanceof StageError) throw cause;
        onError(error);
        if (!nextCalled) await next();
      }
    },
  };
}

/** A group as it is before the load-group stage has run: the defaults, not yet stored. */
function provisionalGroup(envelope: Envelope, deps: ContextDeps): Group {
  return {
    id: envelope.chat.id,
    platform: envelope.platform,
    title: envelope.chat.title ?? null,
    language: deps.services.defaults.language,
    timezone: deps.services.defaults.timezone,
    rules: null,
    active: true,
    settings: {},
    communityId: null,
  };
}

export function createPipeline(options: PipelineOptions) {
  const onError =
    options.onStageError ??
    ((error: StageError) => options.deps.log.error({ err: error.cause, stage: error.stage, chat: error.chatId }, 'stage failed'));
  const run = compose(options.stages.map((stage) => guarded(stage, onError)));

  /** Runs the stages for one envelope (duplicates were dropped before: see dedupe.ts). Resolves with the context. */
  return async function process(envelope: Envelope): Promise<Context> {
    const log = options.deps.log.child({ chat: envelope.chat.id, platform: envelope.platform });
    const ctx = new Context(envelope, provisionalGroup(envelope, options.deps), { ...options.deps, log });
    await withDeadline(run(ctx), options.deadlineMs, () => new DeadlineExceededError(envelope.chat.id, options.deadlineMs));
    return ctx;
  };
}

export type Pipeline = ReturnType<typeof createPipeline>;
