// The queue dashboard (bull-board) for the admin listener: every BullMQ queue the process uses, with its jobs by
// state, their data and errors, and retries of failed jobs. Loaded at its first request, so a bot nobody inspects
// does not carry Express and the dashboard's views in memory.
import type http from 'node:http';
import type { RouteHandler } from './http.js';
import type { NamedQueue } from './metrics.js';

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function build(basePath: string, queues: NamedQueue[]): Promise<NodeHandler> {
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/express'),
  ]);
  const server = new ExpressAdapter();
  server.setBasePath(basePath);
  createBullBoard({
    queues: queues.map(({ name, queue }) => new BullMQAdapter(queue, { description: name === queue.name ? undefined : name })),
    serverAdapter: server,
    options: { uiConfig: { boardTitle: 'Quartier queues' } },
  });
  // The adapter's router is an Express application, itself a plain Node request handler.
  return server.getRouter() as unknown as NodeHandler;
}

/** A handler for every path under `basePath`; the dashboard sees paths relative to it, as when Express mounts it. */
export function queueDashboard(basePath: string, queues: () => NamedQueue[]): RouteHandler {
  let handler: Promise<NodeHandler> | undefined;
  return async (req, res) => {
    const app = await (handler ??= build(basePath, queues()).catch((error: unknown) => {
      handler = undefined; // tried again at the next request
      throw error;
    }));
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rest = url.pathname.slice(basePath.length);
    req.url = `${rest.startsWith('/') ? rest : `/${rest}`}${url.search}`;
    app(req, res);
  };
}
