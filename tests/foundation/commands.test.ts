// The first commands, end to end through the console (test) adapter, real Redis and PGlite.
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { defineCommand, defineSubcommand } from '../../src/core/command.js';
import { startTestApp, type TestBot } from '../helpers/app.js';

let bot: TestBot;
beforeEach(async () => {
  bot = await startTestApp();
});
afterEach(async () => {
  await bot.stop();
});

describe('/help', () => {
  it('lists only what each person may use: admins see admin commands, members do not', async () => {
    const member = bot.chat('telegram.lilas', 'sam', 'Sam');
    const admin = bot.chat('telegram.lilas', 'ada', 'Ada').as('admin');
    const [memberHelp] = await member.send('/help');
    const [adminHelp] = await admin.send('/help');
    expect(memberHelp!.text).toContain('/rules');
    expect(memberHelp!.text).not.toContain('/setrules');
    expect(adminHelp!.text).toContain('/setrules');
    expect(adminHelp!.text).toContain('/clearrules');
    expect(adminHelp!.text).not.toEqual(memberHelp!.text);
  });

  it('shows one command’s usage', async () => {
    const [reply] = await bot.chat('g1').as('admin').send('/help setrules');
    expect(reply!.text).toContain('/setrules <text>');
  });
});

describe('/setrules', () => {
  it('is refused for a member and changes nothing', async () => {
    const member = bot.chat('g1', 'sam');
    const [refusal] = await member.send('/setrules No dogs');
    expect(refusal!.text).toMatch(/only the group's admins/);
    expect(refusal!.message.ephemeral).toBe(true);
    const [rules] = await member.send('/rules');
    expect(rules!.text).toMatch(/no rules yet/);
    expect(await bot.app.services.audit.latest('console:g1')).toHaveLength(0);
  });

  it('is accepted for an admin, shown by /rules, and audited with before and after', async () => {
    const admin = bot.chat('g1', 'ada').as('admin');
    await admin.send('/setrules Be kind.');
    await admin.send('/setrules Be kind. No ads.');
    const [rules] = await bot.chat('g1', 'sam').send('/rules');
    expect(rules!.text).toContain('Be kind. No ads.');
    const audit = await bot.app.services.audit.latest('console:g1');
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actorId: 'console:ada',
      action: 'setrules',
      before: { rules: 'Be kind.' },
      after: { rules: 'Be kind. No ads.' },
    });
  });

  it('answers a malformed command with its usage line', async () => {
    const [usage] = await bot.chat('g1').as('admin').send('/setrules');
    expect(usage!.text).toBe('Usage: /setrules <text>');
  });
});

describe('roles asked of the platform', () => {
  it('asks nothing for a command any member may run, and asks for one that needs a role', async () => {
    const roleOf = vi.spyOn(bot.app.services.roles, 'roleOf');
    const member = bot.chat('g1', 'sam');
    await member.send('/rules');
    await member.send('/faq');
    await member.send('/quiet');
    expect(roleOf).not.toHaveBeenCalled();
    const [refusal] = await member.send('/setrules No dogs');
    expect(refusal!.text).toMatch(/only the group's admins/);
    expect(roleOf).toHaveBeenCalledTimes(1);
    // `/quiet 22:00-07:00` is the admin's form of a member's command: that one is asked.
    await member.send('/quiet 22:00-07:00');
    expect(roleOf).toHaveBeenCalledTimes(2);
  });
});

describe('typed arguments', () => {
  it('types a handler\'s arguments from the declaration: required, optional, choices', () => {
    defineCommand({
      name: 'typed',
      where: 'group',
      role: 'member',
      args: [{ name: 'id' }, { name: 'mode', choices: ['on', 'off'] }, { name: 'note', rest: true, optional: true }],
      async run(_ctx, args) {
        expectTypeOf(args).toEqualTypeOf<{ id: string; mode: 'on' | 'off'; note: string | undefined }>();
      },
      subcommands: [
        defineSubcommand({
          name: 'sub',
          role: 'admin',
          args: [{ name: 'code' }],
          async run(_ctx, args) {
            expectTypeOf(args).toEqualTypeOf<{ code: string }>();
          },
        }),
      ],
    });
  });
});

describe('/lang', () => {
  it('switches the group to French: later replies are French, other groups stay English', async () => {
    const admin = bot.chat('g1', 'ada').as('admin');
    const [set] = await admin.send('/lang fr');
    expect(set!.text).toMatch(/français/);
    const [rules] = await admin.send('/rules');
    expect(rules!.text).toMatch(/pas encore de règlement/);
    const [usage] = await admin.send('/setrules');
    expect(usage!.text).toBe('Utilisation : /setrules <texte>');
    const [elsewhere] = await bot.chat('g2').send('/rules');
    expect(elsewhere!.text).toMatch(/no rules yet/);
  });

  it('refuses an unknown language with the usage line and the list', async () => {
    const replies = await bot.chat('g1').as('admin').send('/lang klingon');
    expect(replies.map((r) => r.text)).toEqual(['Usage: /lang [code]', expect.stringContaining('fr (Français)')]);
  });

  it('lets a member see the language but not change it', async () => {
    const member = bot.chat('g1', 'sam');
    const [shown] = await member.send('/lang');
    expect(shown!.text).toContain('English (en)');
    const [refused] = await member.send('/lang fr');
    expect(refused!.text).toMatch(/only the group's admins/);
  });
});

describe('/timezone', () => {
  it('accepts an IANA zone from an admin and refuses nonsense', async () => {
    const admin = bot.chat('g1').as('admin');
    expect((await admin.send('/timezone Asia/Kathmandu'))[0]!.text).toContain('Asia/Kathmandu');
    expect((await admin.send('/timezone Mars/Olympus'))[0]!.text).toBe('Usage: /timezone [Area/City]');
    expect((await admin.send('/timezone'))[0]!.text).toContain('Asia/Kathmandu');
  });
});

describe('/forgetme and unknown commands', () => {
  it('erases the sender from the audit log', async () => {
    const admin = bot.chat('g1', 'ada').as('admin');
    await admin.send('/setrules Hello');
    const [done] = await admin.send('/forgetme');
    // Their name (kept for the audit), the audit's actor, and what Redis held of them.
    expect(done!.text).toMatch(/erased [2-9]\d* records/);
    const audit = await bot.app.services.audit.latest('console:g1');
    expect(audit[0]!.actorId).toBeNull();
  });

  it('points an unknown command addressed to the bot at /help', async () => {
    const [reply] = await bot.chat('g1').send('/frobnicate');
    expect(reply!.text).toContain('/help');
  });
});
