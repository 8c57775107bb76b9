// Families of words of an entry's topic as the five languages say them (src/text/topics.ts), and everyday words of
// chat messages that weigh little (src/text/stopwords.ts, stopwords-informal.ts): real questions of the seen sets that
// they answer, and close calls on the same words that stay unanswered.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

describe('the water bill', () => {
  it('reads a bill in Arabic and Ukrainian as the bill the service charges include', () => {
    expect(forms('فاتورة')).toEqual(forms('bill'));
    expect(forms('квитанцію')).toEqual(forms('bill'));
    expect(answered('فاتورة المي مين بيدفعها؟ أنا ولا محسوبة مع الشارج؟', 'ar')).toBe(26);
    expect(answered('فاتورة الماء علينا ولا داخله فالcharges؟', 'ar')).toBe(26);
  });

  it('leaves an electricity bill that seems high unanswered', () => {
    expect(answered('فاتورة الكهربا جاتني ٣٠٠ يورو هالشهر!!! طبيعي؟ وين بشتكي؟', 'ar')).toBeUndefined();
    expect(answered('our electricity bill seems crazy high for a 2 bed, is that normal for these flats or is it just us?', 'en')).toBeUndefined();
    expect(answered('الشوفاج خربان من أسبوع وصلحوه، بس مين بيدفع الفاتورة أنا ولا صاحب الشقة؟ العقد ما فيه شي واضح', 'ar')).toBeUndefined();
  });
});

describe('Maghrebi Arabic of visitors, bins and the courtyard', () => {
  it('reads guests, parking and the courtyard as a Moroccan writes them', () => {
    expect(forms('الضياف')).toEqual(forms('visitors'));
    expect(forms('يباركيو')).toEqual(forms('park'));
    expect(forms('الكور')).toEqual(forms('courtyard'));
    expect(answered('واش الضياف يقدرو يباركيو فالكور ديال العمارة؟', 'ar')).toBe(12);
  });

  it('reads "which day do they take" (واش من نهار يهزو) as the collection day', () => {
    expect(analyzeQuery('واش من نهار').map((w) => w.forms)).toEqual([forms('day')]);
    expect(forms('يهزو')).toEqual(forms('collect'));
    expect(answered('السلام عليكم جماعة 🙏 واش من نهار يهزو الpoubelle grise؟ جديد فالعمارة وما فهمتش النظام', 'ar')).toBe(1);
  });

  it('leaves a stranger parked in the courtyard unanswered', () => {
    expect(answered('في واحد صافف بمحلي بالكور كل يوم وما بعرف مين هو، شو فيني اعمل؟ 😤', 'ar')).toBeUndefined();
  });
});

describe('the building manager by name', () => {
  it('reads Mme Dupont in any script as the building manager', () => {
    expect(forms('دوبون')).toEqual(forms('manager'));
    expect(forms('Дюпон')).toEqual(forms('manager'));
    expect(answered('مكتب مدام دوبون وين بالضبط وأي ساعات فاتح؟', 'ar')).toBe(16);
  });

  it('leaves who stands in for her on holiday unanswered', () => {
    expect(answered('is marie dupont on holiday? nobody\'s answered at the bureau all week', 'en')).toBeUndefined();
    expect(answered('مدام دوبون بالعطلة هالأسبوع؟ مين بيحل محلها؟', 'ar')).toBeUndefined();
    expect(answered('Марі Дюпон у відпустці, хто зараз замість неї?', 'uk')).toBeUndefined();
    expect(answered('en agosto quien reemplaza a Marie Dupont cuando se va de vacaciones?', 'es')).toBeUndefined();
  });
});

describe('Ukrainian chats in Russian spellings', () => {
  it('reads "звонити" as calling and "дитяча площадка" as the playground', () => {
    expect(forms('звонити')).toEqual(forms('call'));
    expect(analyzeQuery('дитяча площадка').map((w) => w.forms)).toEqual([forms('playground')]);
    expect(answered('в мене батарея зовсім не гріє, а вже вечір пʼятниці і gestionnaire не відповідає. куди звонити??', 'uk')).toBe(17);
    expect(answered('де найближча дитяча площадка? малий вже всю квартиру розніс 😅', 'uk')).toBe(28);
  });

  it('leaves calling an ambulance in another language unanswered', () => {
    expect(answered('якщо дзвонити в швидку, там хтось розмовляє англійською? бо мій французький ну такоє', 'uk')).toBeUndefined();
  });
});

describe('small talk that weighs little', () => {
  it('keeps everyday Arabic and Ukrainian words of a message from counting as unknown topics', () => {
    for (const word of ['صعب', 'يقدروا', 'اجيبها', 'дівчата', 'тижні', 'внизу']) {
      expect(analyzeQuery(word)[0]?.weak, word).toBe(true);
    }
    expect(answered('أهلي جايين من بلجيكا يزوروني السبت الجاي بالسيارة، وين يقدروا يصفّوا؟ الساحة تبع البناية مسموح ولا لأ؟', 'ar')).toBe(12);
    expect(answered('переїжджаю через два тижні, приїде фургон з речами. як зробити щоб йому було де стати біля підїзду?', 'uk')).toBe(33);
  });
});

describe('Spanish and French families', () => {
  it('reads "se admiten", a bit of a garden plot and a "bécane"', () => {
    expect(answered('estamos buscando piso y tenemos un gato, aca se admiten mascotas?', 'es')).toBe(25);
    expect(answered('me encantaria tener un pedacito de huerto en el jardin comunitario 🌱 como me apunto?', 'es')).toBe(32);
    expect(forms('becane')).toEqual(forms('bike'));
  });
});

describe('getting rid of things at the recycling centre', () => {
  it('reads an old washing machine as an appliance to get rid of, not the laundry room', () => {
    expect(analyzeQuery('стару пральну машину').map((w) => w.forms)).toEqual([forms('fridge')]);
    expect(answered('де тут déchetterie? треба відвезти стару пральну машинку і банки з фарбою після ремонту', 'uk')).toBe(3);
    expect(answered('де тут déchetterie? хочу стару фарбу після ремонту здати, її там приймають?', 'uk')).toBe(3);
  });
});

describe('what a question asks', () => {
  it('reads "which day" in Arabic, Ukrainian and Spanish as the day an entry names', () => {
    for (const phrase of ['أي يوم', 'в які дні', 'que dia']) {
      expect(analyzeQuery(phrase).map((w) => w.forms), phrase).toEqual([forms('day')]);
    }
    expect(answered('السلام عليكم 👋 انتقلت للطابق الثالث الأسبوع الماضي، أي يوم نطلع الزبالة؟', 'ar')).toBe(1);
  });

  it('reads "is there a charge" as a price, not the service charges', () => {
    expect(forms('charge')).toEqual(forms('price'));
    expect(forms('charges')).not.toEqual(forms('price'));
    expect(answered('Would like to throw a small birthday do in the common room next month, who do I ask and is there a charge?', 'en')).toBe(10);
  });

  it('reads a birth certificate as civil status at the town hall, and leaves papers from abroad unanswered', () => {
    expect(analyzeQuery('свідоцтво про народження').map((w) => w.forms)).toEqual([forms('etat civil')]);
    expect(analyzeQuery('شهادة الميلاد').map((w) => w.forms)).toEqual([forms('etat civil')]);
    expect(answered('ما عندي livret de famille، عندي بس شهادة ميلاد من السودان، ينفع؟', 'ar')).toBeUndefined();
  });
});
