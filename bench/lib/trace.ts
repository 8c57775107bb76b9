// Where bench/lib/node.ts records the envelopes it processed, per chat, in processing order.
export const traceKey = (prefix: string, chatId: string) => `${prefix}:trace:${chatId}`;
export const traceCountKey = (prefix: string) => `${prefix}:trace:count`;
