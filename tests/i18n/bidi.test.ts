// Arabic replies with Latin names, commands and zones inside: each such run is fenced with a directional isolate so
// the bidirectional algorithm lays it out on its own (no "rules/" for "/rules", no punctuation jumping sides).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyse } from '../../src/i18n/check.js';
import { FSI, LRI, PDI, isolate, isolateCommands } from '../../src/i18n/bidi.js';
import { LOCALES, translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { balanced } from '../helpers/bidi.js';

describe('isolates', () => {
  it('fence a value line by line, since an isolate ends at a line break', () => {
    expect(isolate('Alex')).toBe(`${FSI}Alex${PDI}`);
    expect(isolate('No dogs.\n\nBe kind.')).toBe(`${FSI}No dogs.${PDI}\n\n${FSI}Be kind.${PDI}`);
  });

  it('fence commands written in a message, with their argument labels, but not slashes inside words or URLs', () => {
    expect(isolateCommands('اكتب /help <الأمر> للتفاصيل.')).toBe(`اكتب ${LRI}/help <الأمر>${PDI} للتفاصيل.`);
    expect(isolateCommands('الأمر /{command} و /lang [code]')).toBe(`الأمر ${LRI}/{command}${PDI} و ${LRI}/lang [code]${PDI}`);
    expect(isolateCommands('المنطقة/المدينة https://example.org/a Area/City')).toBe('المنطقة/المدينة https://example.org/a Area/City');
    expect(isolateCommands('أرسله بـ /approve {id} أو ارفضه بـ /reject {id}.')).toBe(`أرسله بـ ${LRI}/approve {id}${PDI} أو ارفضه بـ ${LRI}/reject {id}${PDI}.`);
    expect(isolateCommands('اكتب /faq add <سؤال> | <جواب> هنا')).toBe(`اكتب ${LRI}/faq add <سؤال> | <جواب>${PDI} هنا`);
    expect(isolateCommands('بالوسم #{tag}:')).toBe(`بالوسم ${LRI}#{tag}${PDI}:`);
    expect(isolateCommands('مثلًا: /quiet 22:00-07:00. أو /flood 5 10')).toBe(`مثلًا: ${LRI}/quiet 22:00-07:00${PDI}. أو ${LRI}/flood 5 10${PDI}`);
  });

  it('are added to Arabic replies only: left-to-right languages are left untouched', () => {
    expect(translate('ar', 'timezone.set', { zone: 'America/New_York' })).toBe(`أصبحت المنطقة الزمنية للمجموعة ${FSI}America/New_York${PDI}.`);
    expect(translate('fr', 'timezone.set', { zone: 'America/New_York' })).toBe('Le fuseau horaire du groupe est maintenant America/New_York.');
    for (const language of ['en', 'fr', 'es', 'uk']) {
      for (const key of Object.keys(LOCALES[language]!)) {
        expect(translate(language, key, sampleValues(language, key))).not.toMatch(/[\u2066-\u2069]/);
      }
    }
  });

  it('balance on every line of every Arabic message, with every Latin value inside one', () => {
    for (const key of Object.keys(LOCALES.ar!)) {
      const values = sampleValues('ar', key);
      const text = translate('ar', key, values);
      for (const line of text.split('\n')) {
        let depth = 0;
        for (const char of line) {
          if (char === FSI || char === LRI) depth++;
          if (char === PDI) depth--;
          expect(depth, `${key}: ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
        }
        expect(depth, `${key}: ${JSON.stringify(line)}`).toBe(0);
      }
      for (const value of Object.values(values)) {
        if (typeof value === 'string' && text.includes(value)) expect(text, key).toContain(`${FSI}${value}${PDI}`);
      }
    }
  });
});

describe('bidirectional controls in user values', () => {
  // Names, titles, rules, questions: a value that opens an override and never closes it, closes an isolate it never
  // opened, or starts with a right-to-left mark.
  const hostile = ['Mod\u202E', 'x\u2069\u202Eevil', '\u200FMaya', '\u2067Karim', 'a\u202Cb\u202Cc'];

  it('never reach past their value, in any language, in any message', () => {
    for (const language of Object.keys(LOCALES)) {
      for (const key of Object.keys(LOCALES[language]!)) {
        for (const bad of hostile) {
          const values = Object.fromEntries(
            Object.entries(sampleValues(language, key)).map(([name, value]) => [name, typeof value === 'string' ? bad : value]),
          );
          const text = translate(language, key, values);
          expect(balanced(text), `${language} ${key} ${JSON.stringify(text)}`).toBe(true);
          // A mark at the start of a name would turn a whole line right to left: it is removed.
          expect(text).not.toContain('\u200FMaya');
        }
      }
    }
  });

  it('keep what is balanced inside the value: an embedding closed in the name, our own isolates', () => {
    expect(translate('en', 'timezone.set', { zone: 'A\u202Bb\u202Cc' })).toBe("The group's time zone is now A\u202Bb\u202Cc.");
    expect(translate('fr', 'timezone.set', { zone: 'Mod\u202E' })).toBe('Le fuseau horaire du groupe est maintenant Mod.');
    expect(translate('ar', 'timezone.set', { zone: 'Mod\u202E' })).toBe(`أصبحت المنطقة الزمنية للمجموعة ${FSI}Mod${PDI}.`);
  });
});

/** Latin sample values for a message's arguments: a number for plurals and `#`, a Date for dates, text otherwise. */
function sampleValues(language: string, key: string): Record<string, unknown> {
  const { args, plurals } = analyse(LOCALES[language]![key]!, language);
  const source = LOCALES[language]![key]!;
  const values: Record<string, unknown> = {};
  for (const name of args) {
    if (plurals.some((p) => p.name === name) || new RegExp(`\\{${name}, ?number`).test(source)) values[name] = 3;
    else if (new RegExp(`\\{${name}, ?(date|time)`).test(source)) values[name] = new Date(Date.UTC(2026, 2, 29, 16, 30));
    else if (new RegExp(`\\{${name}, ?select`).test(source)) values[name] = 'other';
    else values[name] = `Latin ${name} 42`;
  }
  return values;
}

describe('a mixed Arabic and Latin reply, end to end', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestApp();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('isolates the French rules and the commands inside the Arabic reply', async () => {
    const admin = bot.chat('souk', 'karim', 'Karim').as('admin');
    const [set] = await admin.send('/lang ar');
    expect(set!.text).toBe('من الآن فصاعدًا سأجيب هنا بالعربية.');
    const [none] = await admin.send('/rules');
    expect(none!.text).toBe(`لا توجد قواعد لهذه المجموعة بعد. يمكن للمشرف تحديدها بالأمر ${LRI}/setrules <النص>${PDI}.`);
    await admin.send('/setrules Pas de chiens après 22:00.\nSoyez aimables.');
    const [rules] = await bot.chat('souk', 'lea', 'Léa').send('/rules');
    expect(rules!.text).toBe(`قواعد هذه المجموعة:\n${FSI}Pas de chiens après 22:00.${PDI}\n${FSI}Soyez aimables.${PDI}`);
    const [unknown] = await admin.send('/frobnicate');
    expect(unknown!.text).toBe(`لا أعرف الأمر ${LRI}/${FSI}frobnicate${PDI}${PDI}. اكتب ${LRI}/help${PDI} لترى ما يمكنني فعله.`);
    // What was stored is what the admin typed: isolates are added when a reply is written, never saved.
    expect((await bot.app.services.groups.find('console:souk'))!.rules).toBe('Pas de chiens après 22:00.\nSoyez aimables.');
  });
});
