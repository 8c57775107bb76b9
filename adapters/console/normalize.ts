// A typed console line → Envelope. Pure: the REPL keeps the state (which group, who is speaking) and passes it in.
import { qualify, type Envelope } from '../../src/core/envelope.js';

export interface ConsoleLine {
  /** Unique per line within this process run. */
  seq: number;
  /** The run this line belongs to: keeps envelope ids unique across restarts (dedupe remembers a day). */
  run: string;
  groupKey: string;
  groupTitle: string;
  userKey: string;
  userName: string;
  text: string;
  at: number;
  /** Reply to an earlier console message, by its id. */
  replyTo?: string;
  /** The speaker's language hint (`fr`), like a platform's; absent in the interactive console. */
  language?: string;
}

export interface ConsoleRaw {
  line: ConsoleLine;
}

declare module '../../src/core/envelope.js' {
  interface RawEvents {
    console: ConsoleRaw;
  }
}

export function normalizeConsoleLine(line: ConsoleLine): Envelope {
  const messageId = `${line.run}-${line.seq}`;
  return {
    id: qualify('console', `m${messageId}`),
    platform: 'console',
    kind: 'message',
    chat: { id: qualify('console', line.groupKey), type: 'group', title: line.groupTitle },
    sender: { id: qualify('console', line.userKey), name: line.userName, ...(line.language ? { language: line.language } : {}) },
    messageId: qualify('console', messageId),
    text: line.text,
    mentions: [],
    replyTo: line.replyTo ? { messageId: qualify('console', line.replyTo) } : undefined,
    attachments: [],
    // In the console every line is typed at the bot.
    addressedToBot: true,
    sentAt: line.at,
    raw: { line } satisfies ConsoleRaw,
  };
}
