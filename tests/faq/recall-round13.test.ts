// Spanish of Latin America, Indian English and Maghrebi Arabic as members write them (src/text/synonyms.ts): real questions of the seen
// sets that these readings answer or leave unanswered, and the everyday senses they leave alone.
import { describe, expect, it } from 'vitest';
import { answered, forms } from './lib/fixture-index.js';
import { analyzeQuery } from '../../src/features/faq/analyze.js';

describe('Latin American Spanish', () => {
  it('reads heating that "no tira" as not working, and "se tira" still as throwing away', () => {
    expect(analyzeQuery('la calefaccion no tira').map((w) => w.forms)).toContainEqual(forms('broken'));
    expect(analyzeQuery('donde se tira el vidrio').map((w) => w.forms)).toContainEqual(forms('tirar'));
    expect(answered('la calefaccion no tira desde ayer, a quien aviso?', 'es')).toBe(17);
  });

  it('reads the subjunctive "estacione", "estacionen" as parking, not a station', () => {
    expect(forms('estacione')).toEqual(forms('park'));
    expect(forms('estacionen')).toEqual(forms('park'));
  });

  it('reads Mexican "chamacos" as children', () => {
    expect(forms('chamacos')).toEqual(forms('kids'));
    expect(answered('Hola vecin@s! Tengo dos chamacos que no paran en la casa jaja, ¿hay algún parque con juegos cerca? de preferencia con columpios 🛝', 'es')).toBe(28);
  });
});

describe('Indian English', () => {
  it('reads "timings" as opening hours', () => {
    expect(forms('timings')).toEqual(forms('hours'));
  });
});

describe('Maghrebi Arabic', () => {
  it('reads "نكري" and "كراء" as hiring, which no entry answers', () => {
    expect(forms('نكري')).toEqual(forms('hire'));
    expect(forms('كراء')).toEqual(forms('hire'));
    expect(answered('شكون يعرف وين نكري camion تاع déménagement رخيص هنا؟', 'ar')).toBeUndefined();
  });

  it('reads "لوكال" (a building\'s room, the French "local") as an everyday word, not a locksmith', () => {
    const words = analyzeQuery('لوكال ديال الزبل');
    expect(words.map((w) => w.weak)).toEqual([true, false]);
    expect(words.at(-1)?.forms).toEqual(forms('bin'));
    expect(answered('السلام عليكم الجيران، عندي واحد الماطلا قديمة وبيرو مهرس بغيت نتخلص منهم، كيفاش كندير؟ واش نخليهم تحت ف لوكال ديال الزبل؟ 😅', 'ar')).toBe(2);
  });

  it('reads Maghrebi "نحل" (I open) as an everyday verb, and "النحل" still as bees', () => {
    expect(analyzeQuery('كيفاش نحل الضو والغاز؟').map((w) => w.forms)).toEqual([forms('electricity'), forms('gas')]);
    expect(analyzeQuery('النحل').map((w) => w.forms)).toEqual([forms('bees')]);
    expect(answered('سلام، غادي ندخل للبارطما الجديد السيمانة الجاية، كيفاش نحل الضو والغاز؟ والما واش خاصني نديرلو contrat بوحدو؟', 'ar')).toBe(26);
  });

  it('reads "الما" as water and "رايح" as going, not a smell', () => {
    expect(forms('الما')).toEqual(forms('water'));
    expect(analyzeQuery('راني رايح نرحل').map((w) => w.forms)).not.toContainEqual(forms('smell'));
  });
});

describe('Ukrainian belongings', () => {
  it('reads "речі" (things, belongings) as an everyday word, not old clothes', () => {
    expect(forms('речами')).not.toEqual(forms('одяг'));
    expect(answered('Привіт, сусіди! Ми виїжджаємо в кінці місяця, буде велика машина з речами 🚚 Чи треба попереджати управительку і як зарезервувати місце на вулиці?', 'uk')).toBe(33);
  });
});
