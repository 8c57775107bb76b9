// How Ukrainian is read in round 13: French words a Ukrainian writes in Cyrillic, by their sound and in their cases,
// and Ukrainian typed in Latin letters; real questions of the seen sets, and close calls that keep their own reading.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

const concepts = (text: string) => analyzeQuery(text).flatMap((w) => w.forms);

describe('French words written in Cyrillic', () => {
  it('are read as the French word they sound like, in any case', () => {
    expect(forms('жестіонер')).toEqual(forms('gestionnaire'));
    expect(forms('жестіонера')).toEqual(forms('gestionnaire'));
    expect(forms('гардієна')).toEqual(forms('gardien'));
    expect(forms('бюандері')).toEqual(forms('buanderie'));
    expect(forms('бюандерію')).toEqual(forms('buanderie'));
    expect(forms('навіго')).toEqual(forms('navigo'));
    expect(forms('асансер')).toEqual(forms('ascenseur'));
    expect(forms('анкомбрани')).toEqual(forms('encombrants'));
    expect(concepts('жарден партаже')).toEqual(forms('jardin partage'));
  });

  it('lists the ones too short to be read by their sound (шарж, пубель) in their cases', () => {
    expect(forms('шаржі')).toEqual(forms('charges'));
    expect(forms('пубелі')).toEqual(forms('poubelle'));
  });

  it('reads a seen question that names the manager that way', () => {
    expect(concepts('daite pls nomer zhestionera 🙏')).toContain(forms('gestionnaire')![0]);
    expect(answered('дайте телефон жестіонера', 'uk')).toBe(16);
  });

  it('leaves Ukrainian words that merely sound like a French or English one alone', () => {
    // "висить" (hangs) is not "visite", "грати" (to play) not "gratis", "пакети" (bags) not "paquete", "парк" not parking.
    expect(forms('висить')).not.toEqual(forms('visite'));
    expect(forms('грати')).not.toEqual(forms('gratis'));
    expect(forms('пакети')).not.toEqual(forms('paquete'));
    expect(forms('парк')).not.toEqual(forms('parking'));
  });
});

describe('Ukrainian ways of saying a thing broke and putting a child into school', () => {
  it('reads "перестало працювати" (stopped working) as broken, not as opening hours', () => {
    expect(concepts('перестало працювати')).toEqual(forms('зламався'));
    expect(concepts('не работает')).toEqual(forms('зламався'));
    expect(answered('Доброї ночі, вибачте за турботу 😔 у мене в квартирі перестало працювати опалення, а в кімнаті вже холодно, діти мерзнуть. Офіс управляючої закритий. Куди можна зателефонувати вночі?', 'uk')).toBe(17);
  });

  it('reads "віддати в школу" as putting a child into school, not giving something away', () => {
    expect(concepts('віддати його в школу')).toEqual(forms('школа'));
    expect(forms('віддати')).toEqual(forms('donate'));
    expect(answered('Вітаю! Ми приїхали з Харкова, сину 7 років. Хочемо з вересня віддати його в школу тут. З чого почати, куди йти і які документи потрібні? Дякую всім, хто відповість 💙💛', 'uk')).toBe(20);
  });

  it('leaves a broken fridge or phone unanswered', () => {
    expect(answered('у мене перестав працювати холодильник, хто може полагодити?', 'uk')).toBeUndefined();
    expect(answered('перестав працювати телефон, де купити новий?', 'uk')).toBeUndefined();
    expect(answered('хочу віддати дитячі речі, кому треба?', 'uk')).toBeUndefined();
  });
});

describe('Electricity called the light', () => {
  it('keeps "світло" (the light, electricity) as the topic beside connecting it', () => {
    expect(concepts('підключити світло')).toEqual([...forms('підключити')!, ...forms('електрика')!]);
    expect(answered('як підключити світло коли заїжджаєш?', 'uk')).toBe(26);
  });
});

describe('Russian words of Ukrainian chats', () => {
  it('read days, opening hours, getting in touch and how much as their Ukrainian words', () => {
    expect(forms('субботу')).toEqual(forms('суботу'));
    expect(forms('воскресенье')).toEqual(forms('неділю'));
    expect(forms('вторник')).toEqual(forms('вівторок'));
    expect(forms('работает')).toEqual(forms('працює'));
    expect(forms('связаться')).toEqual(forms('contacter'));
    expect(forms('скока')).toEqual(forms('скільки'));
    expect(answered('как связаться с управляющей?', 'uk')).toBe(16);
  });
});
