// Plural forms come from CLDR through Intl.PluralRules (intl-messageformat's plural), not from n === 1: Arabic has six
// forms, Ukrainian four. The counts chosen reach each form: 0, 1, 2, 5 (3–10), 11 (11–99), 21, 100.
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.js';

const counts = [0, 1, 2, 5, 11, 21, 100];
const forgetme = (language: string) => counts.map((count) => translate(language, 'forgetme.done', { count }));

describe('plurals', () => {
  it('Arabic: zero, one, two, few (3–10), many (11–99), other (100+)', () => {
    expect(forgetme('ar')).toEqual([
      'لم أكن أحفظ عنك أي شيء.',
      'تم: مسحت سجلًا واحدًا عنك.',
      'تم: مسحت سجلين عنك.',
      'تم: مسحت 5 سجلات عنك.',
      'تم: مسحت 11 سجلًا عنك.',
      'تم: مسحت 21 سجلًا عنك.',
      'تم: مسحت 100 سجل عنك.',
    ]);
  });

  it('Ukrainian: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25–30, 100)', () => {
    expect(forgetme('uk')).toEqual([
      'Я нічого про вас не зберігав.',
      'Готово: я стер 1 запис про вас.',
      'Готово: я стер 2 записи про вас.',
      'Готово: я стер 5 записів про вас.',
      'Готово: я стер 11 записів про вас.',
      'Готово: я стер 21 запис про вас.',
      'Готово: я стер 100 записів про вас.',
    ]);
    expect(translate('uk', 'forgetme.done', { count: 22 })).toBe('Готово: я стер 22 записи про вас.');
  });

  it('Spanish, French and English: one and other', () => {
    expect(translate('es', 'forgetme.done', { count: 1 })).toBe('Hecho: he borrado 1 dato sobre ti.');
    expect(translate('es', 'forgetme.done', { count: 21 })).toBe('Hecho: he borrado 21 datos sobre ti.');
    expect(translate('en', 'forgetme.done', { count: 21 })).toBe('Done: I erased 21 records about you.');
  });

  it('follows the CLDR categories of each language for every whole number the tests name', () => {
    // If a runtime's CLDR data changed a category, the sentences above would be wrong: pin the categories we rely on.
    const ar = new Intl.PluralRules('ar');
    const uk = new Intl.PluralRules('uk');
    expect(counts.map((n) => ar.select(n))).toEqual(['zero', 'one', 'two', 'few', 'many', 'many', 'other']);
    expect(counts.map((n) => uk.select(n))).toEqual(['many', 'one', 'few', 'many', 'many', 'one', 'many']);
  });
});
