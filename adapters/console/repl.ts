// The interactive console: reads lines from standard input. Lines starting with ':' change who is speaking and where;
// anything else is a message in the current group. `printf '/help\n' | npm start` works: at the end of input the bot
// waits for its answers, then stops.
import readline from 'node:readline';
import type { Role } from '../../src/core/roles.js';
import { ROLES } from '../../src/core/roles.js';
import { DEFAULT_CONSOLE_GROUPS, type ConsoleAdapter, type ConsoleDelivery, type ConsoleGroup } from './index.js';

export interface ReplOptions {
  adapter: ConsoleAdapter;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Resolves when everything accepted so far has been processed and delivered. */
  settle: () => Promise<void>;
  /** Called at the end of input (or :quit). */
  onEnd: () => void;
  groups?: ConsoleGroup[];
}

const HELP = [
  'Console commands:',
  '  :groups               list the simulated groups',
  '  :group <n|key>        speak in another group (number or key, e.g. 2 or discord.jardins)',
  '  :as <member|moderator|admin>   change your role in the current group',
  '  :user <name>          speak as another person',
  '  :quit                 stop the bot',
  'Anything else is a message in the current group, e.g. /help',
].join('\n');

export function startRepl(options: ReplOptions): () => void {
  const groups = options.groups ?? DEFAULT_CONSOLE_GROUPS;
  const out = (line: string): void => {
    options.output.write(`${line}\n`);
  };
  let group = groups[0]!;
  let userName = 'Alex';
  const userKey = () => userName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const roles = new Map<string, Role>();

  const unsubscribe = options.adapter.onDelivery((delivery: ConsoleDelivery) => {
    const verb = delivery.message.action === 'send' ? '' : ` (${delivery.message.action})`;
    const to = groups.find((g) => g.key === delivery.group)?.title ?? delivery.group;
    const privately = delivery.message.ephemeral ? ' (only you see this)' : '';
    out(`[${to}] Quartier${verb}${privately}: ${delivery.message.text.replaceAll('\n', '\n    ')}`);
  });

  const prompt = () => `${userName} (${roles.get(`${group.key} ${userKey()}`) ?? 'member'}) in ${group.title}`;
  out(`Quartier console. You are ${prompt()}. Type :help for console commands, /help for the bot's.`);

  const rl = readline.createInterface({ input: options.input, terminal: false });
  let queue = Promise.resolve();
  rl.on('line', (raw) => {
    queue = queue.then(() => handle(raw.trim())).catch((error: unknown) => out(`console error: ${String(error)}`));
  });
  rl.on('close', () => {
    void queue.then(() => options.settle()).then(() => options.onEnd());
  });

  async function handle(line: string): Promise<void> {
    if (line === '') return;
    if (!line.startsWith(':')) {
      await options.adapter.say({ group, userKey: userKey(), userName, text: line });
      // Wait for the answer before reading on, so piped input reads like a conversation.
      await options.settle();
      return;
    }
    const [command = '', ...rest] = line.slice(1).split(/\s+/);
    const arg = rest.join(' ');
    switch (command) {
      case 'help':
        out(HELP);
        return;
      case 'groups':
        groups.forEach((g, i) => out(`  ${i + 1}. ${g.title} [${g.key}]${g === group ? '  <- here' : ''}`));
        return;
      case 'group': {
        const found = groups[Number(arg) - 1] ?? groups.find((g) => g.key === arg || g.key.startsWith(`${arg}.`));
        if (!found) return out(`No such group: ${arg}. Type :groups.`);
        group = found;
        return out(`You are ${prompt()}.`);
      }
      case 'as': {
        if (!ROLES.includes(arg as Role)) return out(`Roles: ${ROLES.join(', ')}`);
        roles.set(`${group.key} ${userKey()}`, arg as Role);
        options.adapter.setRole(group.key, userKey(), arg as Role);
        return out(`You are ${prompt()}.`);
      }
      case 'user':
        if (!arg) return out('Usage: :user <name>');
        userName = arg;
        return out(`You are ${prompt()}.`);
      case 'quit':
        rl.close();
        return;
      default:
        out(`Unknown console command :${command}. Type :help.`);
    }
  }

  return () => {
    unsubscribe();
    rl.close();
  };
}
