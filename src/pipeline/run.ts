// Runs the ordered stages for one envelope. A stage's failure means one of two things:
// - the infrastructure failed (database, Redis, network, a platform's 5xx: see isInfrastructureError), or the stage
//   that loads the group failed: the envelope fails, and with it its inbound job, which is retried in order (relay and
//   reply ids are fixed, so what was already queued is not posted twice). Later stages never run on a group they could
//   not read, nor after an earlier stage lost part of its work.
// - the stage has a bug of its own: it is contained (a failing command must not stop a bridge relay), counted in
//   /metrics and logged with the event's id, and the chain goes on.
// A deadline keeps one stuck update from blocking its chat forever.
import type { Stage } from '../core/composer.js';
import { compose } from '../core/composer.js';
import { Context, type ContextDeps, type Group } from '../core/context.js';
import type { Envelope } from '../core/envelope.js';
import { DeadlineExceededError, StageError, isInfrastructureError, withDeadline } from '../core/errors.js';

export interface PipelineOptions {
  stages: Stage<Context>[];
  deps: ContextDeps;
  deadlineMs: number;
  /** A contained failure (a stage's own bug): count it and log it. */
  onStageError?: (error: StageError) => void;
  /** Stages whose failure always fails the envelope, whatever the error (default: load-group). */
  essential?: string[];
}

function guarded(stage: Stage<Context>, essential: boolean, onError: (error: StageError) => void): Stage<Context> {
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
        // An error from a later stage was judged there: a StageError reaching this point fails the envelope.
        if (cause instanceof StageError) throw cause;
        const error = new StageError(stage.name, ctx.envelope.chat.id, cause, ctx.envelope.id);
        if (essential || isInfrastructureError(cause)) throw error;
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
    ((error: StageError) =>
      options.deps.log.error({ err: error.cause, stage: error.stage, chat: error.chatId, event: error.eventId }, 'stage failed; contained'));
  const essential = new Set(options.essential ?? ['load-group']);
  const run = compose(options.stages.map((stage) => guarded(stage, essential.has(stage.name), onError)));

  /**
   * Runs the stages for one envelope (duplicates were dropped before: see src/queue/dedupe.ts). Resolves with the context;
   * rejects with a StageError when the envelope must be retried (see above).
   */
  return async function process(envelope: Envelope): Promise<Context> {
    const log = options.deps.log.child({ chat: envelope.chat.id, platform: envelope.platform });
    const ctx = new Context(envelope, provisionalGroup(envelope, options.deps), { ...options.deps, log });
    await withDeadline(run(ctx), options.deadlineMs, () => new DeadlineExceededError(envelope.chat.id, options.deadlineMs));
    return ctx;
  };
}

export type Pipeline = ReturnType<typeof createPipeline>;
