// A stage that fails must not swallow the message. PostgreSQL (PGlite here, the same SQL on a server) refuses one
// query at a chosen point, with the SQLSTATE a server gives when it cannot take connections (57P03), through a
// trigger: the inbound job fails and is retried in order, and what it had queued is not posted twice. A stage's own bug
// is contained, counted in /metrics and logged with the event's id.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import type { Stage } from '../../src/core/composer.js';
import type { Context } from '../../src/core/context.js';
import { qualify } from '../../src/core/envelope.js';
import { startTestApp, type TestBot } from '../helpers/app.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** Makes the `nth` statement on `table` that matches `when` fail (once), as a server refusing it would. */
async function refuseOnce(b: TestBot, table: string, event: 'INSERT' | 'UPDATE', nth: number, when = 'true'): Promise<void> {
  const db = b.db.db;
  await db.execute(sql.raw(`create sequence if not exists test_fault_${table}`));
  await db.execute(
    sql.raw(`create or replace function test_refuse_${table}() returns trigger as $$
      begin
        if (${when}) and nextval('test_fault_${table}') = ${nth} then
          raise exception 'refused by the test' using errcode = '57P03';
        end if;
        return NEW;
      end $$ language plpgsql`),
  );
  await db.execute(sql.raw(`create trigger test_refuse_${table} before ${event} on ${table} for each row execute function test_refuse_${table}()`));
}

describe('a failing stage does not swallow the message', () => {
  it('PostgreSQL refusing one query while the bridge records its copies: all three messages arrive once, in order', async () => {
    const b = (bot = await startTestApp());
    const from = qualify('console', 'faults.src');
    const to = qualify('console', 'faults.dst');
    const at = new Date();
    await b.app.services.bridge.repo.link(from, 'faults-bridge', qualify('console', 'alex'), at);
    await b.app.services.bridge.repo.link(to, 'faults-bridge', qualify('console', 'alex'), at);
    // The second message's own copy (via 'origin') is refused once.
    await refuseOnce(b, 'bridge_copies', 'INSERT', 2, "NEW.via = 'origin'");

    const chat = b.chat('faults.src');
    for (const text of ['one', 'two', 'three']) await chat.send(text).catch(() => undefined);
    const relayed = () => b.console.delivered.filter((d) => d.group === 'faults.dst').map((d) => d.message.text);
    await b.waitFor(() => relayed().length >= 3, 30_000);
    await b.settle(1000, 30_000);
    expect(relayed().map((t) => t.split('\n').at(-1)!.replace(/^.*: /, ''))).toEqual(['one', 'two', 'three']);
    const refused = await b.db.db.execute(sql.raw(`select last_value from test_fault_bridge_copies`));
    expect(Number((refused as unknown as { rows: { last_value: number }[] }).rows[0]!.last_value)).toBeGreaterThanOrEqual(3);
    // An infrastructure error is not a stage's bug: nothing counted as contained.
    expect(await b.app.metrics.registry.getSingleMetricAsString('quartier_stage_errors_total')).not.toMatch(/stage="bridge"/);
  }, 60_000);

  it('the group failing to load: later stages do not run with the default settings; the command answers once, in the group’s language', async () => {
    const b = (bot = await startTestApp());
    const admin = b.chat('faults.fr').as('admin');
    await admin.send('/lang fr');
    // The next load of the group updates its title (it was renamed), and PostgreSQL refuses that update once.
    await refuseOnce(b, 'groups', 'UPDATE', 1);
    const envelope = await b.console.say({ group: { key: 'faults.fr', title: 'Renamed' }, userKey: 'sam', userName: 'Sam', text: '/quiet' });
    const replies = await b.outcomeOf(envelope, 30_000);
    expect(replies.map((r) => r.text)).toEqual([expect.stringContaining("Ce groupe n'a pas d'heures calmes")]);
    await b.settle(1000, 30_000);
    const answers = b.console.delivered.filter((d) => d.group === 'faults.fr' && /heures calmes|quiet hours/i.test(d.message.text));
    expect(answers).toHaveLength(1);
  }, 60_000);

  it('a stage’s own bug is contained: the chain goes on, the failure is counted in /metrics and logged with the event’s id', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'error' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const buggy: Stage<Context> = {
      name: 'buggy',
      async run(ctx) {
        // A programming error, not the infrastructure's.
        (ctx as unknown as { nothing: { here: () => void } }).nothing.here();
      },
    };
    const b = (bot = await startTestApp({ beforeCommands: [buggy], log }));
    const envelope = await b.console.say({ group: { key: 'faults.bug', title: 'faults.bug' }, userKey: 'sam', userName: 'Sam', text: '/quiet' });
    const replies = await b.outcomeOf(envelope);
    expect(replies.map((r) => r.text)).toEqual([expect.stringContaining('quiet hours')]);
    expect(await b.app.metrics.registry.getSingleMetricAsString('quartier_stage_errors_total')).toMatch(/stage="buggy"} 1/);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; event?: string; stage?: string }).filter((l) => l.stage === 'buggy');
    expect(logged).toEqual([expect.objectContaining({ event: envelope.id })]);
  }, 60_000);
});
