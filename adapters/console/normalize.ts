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

export interface ConsoleJoin {
  seq: number;
  run: string;
  groupKey: string;
  groupTitle: string;
  userKey: string;
  userName: string;
  at: number;
  language?: string;
  isBot?: boolean;
  /** The bot itself added to the group (the setup's cue). */
  self?: boolean;
}

/** Someone joins a console group (tests and the REPL play it). */
export function normalizeConsoleJoin(join: ConsoleJoin): Envelope {
  return {
    id: qualify('console', `j${join.run}-${join.seq}`),
    platform: 'console',
    kind: 'join',
    chat: { id: qualify('console', join.groupKey), type: 'group', title: join.groupTitle },
    sender: { id: qualify('console', join.userKey), name: join.userName, ...(join.language ? { language: join.language } : {}), ...(join.isBot || join.self ? { isBot: true } : {}) },
    text: '',
    mentions: [],
    attachments: [],
    addressedToBot: join.self === true,
    sentAt: join.at,
    raw: { line: { seq: join.seq, run: join.run, groupKey: join.groupKey, groupTitle: join.groupTitle, userKey: join.userKey, userName: join.userName, text: '', at: join.at } } satisfies ConsoleRaw,
  };
}

export interface ConsoleButton extends Omit<ConsoleJoin, 'isBot' | 'self'> {
  data: string;
  /** The bot message the button is under. */
  messageId?: string;
}

/** Someone presses a button under one of the bot's messages in a console group. */
export function normalizeConsoleButton(press: ConsoleButton): Envelope {
  return {
    id: qualify('console', `b${press.run}-${press.seq}`),
    platform: 'console',
    kind: 'button',
    chat: { id: qualify('console', press.groupKey), type: 'group', title: press.groupTitle },
    sender: { id: qualify('console', press.userKey), name: press.userName, ...(press.language ? { language: press.language } : {}) },
    ...(press.messageId ? { messageId: press.messageId } : {}),
    text: '',
    mentions: [],
    attachments: [],
    addressedToBot: true,
    buttonData: press.data,
    sentAt: press.at,
    raw: { line: { seq: press.seq, run: press.run, groupKey: press.groupKey, groupTitle: press.groupTitle, userKey: press.userKey, userName: press.userName, text: '', at: press.at } } satisfies ConsoleRaw,
  };
}
