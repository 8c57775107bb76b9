// Everyday words of an entry's topic that writers of the dialects use (src/text/topics.ts), and spoken function words
// that hid a topic (src/text/stopwords-informal.ts).
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

describe('dialect words of an entry topic', () => {
  it('reads the Maghrebi and Levantine words for a bike as a bike', () => {
    expect(forms('البشكليطة')).toEqual(forms('bike'));
    expect(forms('بسكليتات')).toEqual(forms('bike'));
    expect(answered('وين نحط البشكليطة ديالي؟', 'ar')).toBe(14);
  });

  it('reads the Egyptian "the door locked on me" as being locked out', () => {
    expect(analyzeQuery('الباب اتقفل').map((w) => w.forms)).toEqual([forms('locked out')]);
    expect(answered('الباب اتقفل عليا والمفاتيح جوه، اعمل ايه؟', 'ar')).toBe(13);
  });

  it('drops a "بالـ" written apart before a French word, which is no second-hand market', () => {
    expect(analyzeQuery('بالـ buanderie').map((w) => w.word)).not.toContain('بال');
  });
});

describe('celebrating and asking for the common room', () => {
  it('reads "fêter", "celebrate" and a birthday with a possessive ending (عيد ميلادها) as a party', () => {
    expect(forms('feter')).toEqual(forms('party'));
    expect(forms('celebrate')).toEqual(forms('party'));
    expect(analyzeQuery('عيد ميلادها').map((w) => w.forms)).toEqual([forms('party')]);
  });

  it('reads the spoken "I ask for it" (بطلبها) as booking, not a parcel ordered', () => {
    expect(forms('بطلبها')).toEqual(forms('book'));
    expect(answered('ابني عيد ميلاده الاسبوع الجاي وبدنا نعمل حفلة بالقاعة اللي تحت، بطلبها من مين؟', 'ar')).toBe(10);
  });
});

describe('the evening before bin day', () => {
  it('reads "the evening before" and "la noche antes" as the night, which the bins entry names', () => {
    expect(analyzeQuery('the evening before').map((w) => w.forms)).toEqual([forms('night')]);
    expect(analyzeQuery('la noche antes').map((w) => w.forms)).toEqual([forms('night')]);
    expect(answered('los cubos de basura hay que sacarlos la noche antes o por la mañana?', 'es')).toBe(1);
  });
});

describe('the emergency line for repairs', () => {
  it('reads an emergency number for repairs or breakdowns as the repairs entry, not the emergency services', () => {
    expect(analyzeQuery('رقم طوارئ للصيانة').map((w) => w.forms)).toEqual([forms('repair')]);
    expect(analyzeQuery('número de averías').map((w) => w.forms)).toEqual([forms('repair')]);
    expect(answered('الغسالة بتسرب مي على الارض وما في حدا بالمكتب، في رقم طوارئ للتصليحات؟', 'ar')).toBe(17);
    expect(answered('no tengo luz en casa, cuál es el número de averías?', 'es')).toBe(17);
  });
});

describe('the delivery notice', () => {
  it('reads "el aviso de un paquete" as the notice of a missed delivery, not a call', () => {
    expect(analyzeQuery('el aviso de').map((w) => w.forms)).toEqual([forms('missed delivery')]);
    expect(answered('tengo el aviso de un paquete, donde lo recojo?', 'es')).toBe(19);
  });
});

describe('the letterbox in Maghrebi Arabic', () => {
  it('reads "البواط أ لاتر" (boîte aux lettres) as the letterbox, not a filter', () => {
    expect(forms('لاتر')).toEqual(forms('letterbox'));
    expect(forms('البواط')).toEqual(forms('letterbox'));
    expect(answered('لقيت ورقة فالبواط أ لاتر، فين نجيب الكولي ديالي؟', 'ar')).toBe(19);
  });
});

describe('what neighbours do and try', () => {
  it('reads the Levantine drill (شنيور) and banging (عم يدق) as noise', () => {
    expect(forms('بالشنيور')).toEqual(forms('noise'));
    expect(analyzeQuery('عم يدق').map((w) => w.forms)).toEqual([forms('noise')]);
  });

  it('reads resetting the boiler as the heating, not the restart of a router', () => {
    expect(analyzeQuery('reiniciar la caldera').map((w) => w.forms)).toEqual([forms('heating')]);
    expect(analyzeQuery('reset the boiler').map((w) => w.forms)).toEqual([forms('heating')]);
    expect(answered('la calefacción no funciona, ya intenté reiniciar la caldera, a quién aviso?', 'es')).toBe(17);
  });
});

describe('getting the power on', () => {
  it('reads "avoir du courant" as the electricity to set up', () => {
    expect(analyzeQuery('avoir du courant').map((w) => w.forms)).toEqual([forms('electricity')]);
    expect(answered('on arrive samedi, comment on fait pour avoir du courant ? le compteur est où ?', 'fr')).toBe(26);
  });
});

describe('a place set aside for bikes and scooters', () => {
  it('reads "un endroit prévu" and "sitio para guardar" as storing', () => {
    expect(analyzeQuery('un endroit prévu').map((w) => w.forms)).toEqual([forms('store')]);
    expect(analyzeQuery('sitio para guardar').map((w) => w.forms)).toEqual([forms('store')]);
    expect(answered('je peux laisser ma trottinette dans le hall ou y a un endroit prévu ?', 'fr')).toBe(14);
  });
});

describe('who repairs the lift', () => {
  it('reads repairing the lift as the lift, not the flat repairs entry', () => {
    expect(analyzeQuery('хто ремонтує ліфт').map((w) => w.forms).flat()).toEqual(forms('lift'));
    expect(analyzeQuery('reparar el ascensor').map((w) => w.forms)).toEqual([forms('lift')]);
    expect(answered('хто ремонтує ліфт у нашому будинку?', 'uk')).toBe(29);
  });
});
