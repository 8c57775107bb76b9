// How Arabic is read, round 14: everyday words with a letter that reads as a glued preposition (بكرا, tomorrow, is not
// ب + كرا, rent), words the lexicon lists once their glued parts are read off before words that only share their stem
// (مكتبها is her office, نشريه "I buy it"), the Maghreb's article glued to a French word in Arabizi (lpompiers), a
// short vowel before a doubled Arabizi consonant (3abbi), and French words written in Arabic letters.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms, index } from './lib/fixture-index.js';

describe('tomorrow', () => {
  it('reads بكرة and بكرا as the everyday word tomorrow, not as rent', () => {
    expect(forms('بكرا')).toEqual(forms('بكره'));
    expect(forms('بكرة')).toEqual(forms('بكره'));
    expect(forms('بكرا')).not.toEqual(forms('كرا'));
    expect(answered('الزبالة بكرة؟ 🗑️', 'ar')).toBe(1);
    expect(answered('وين أقدر أشتري طوابع؟ La Poste سكرت وأنا لازم ابعت رسالة بكرا الصبح', 'ar')).toBe(18);
  });
});

describe('a listed word under its glued parts before a stem', () => {
  it('reads مكتبها, مكتبهم as an office, and keeps مكتبه the library where it is', () => {
    expect(forms('مكتبها')).toEqual(forms('office'));
    expect(forms('مكتبهم')).toEqual(forms('office'));
    expect(forms('مكتبه البلدية')).toEqual(forms('library'));
  });

  it('reads the Maghreb\'s نشريه as buying, not a puncture', () => {
    expect(forms('نشريه')).toEqual(forms('نشري'));
    expect(answered('ضيعت البادج تاع الباب الكبير 😩 قداش يسوى واحد جديد ووين نشريه؟', 'ar')).toBe(13);
  });

  it('answers where the office of the gérante is, and leaves the library out', () => {
    expect(answered('الجيرانت (gérante) مكتبها وين بالضبط؟ وبيفتح أي أيام؟', 'ar')).toBe(16);
  });
});

describe('Arabizi', () => {
  it('reads the Maghreb\'s article glued to a French word', () => {
    expect(analyzeQuery('numero dyal lpompiers ch7al?').map((w) => w.forms)).toContainEqual(forms('pompiers'));
    // "numero" is also the manager's phone number, so the fire brigade read from lpompiers is what puts the emergency
    // numbers first; read as an unknown word, the manager's entry ranks first.
    expect(index.search('numero dyal lpompiers ch7al? 🔥 bghit nktbo 3la tlaja', { lang: 'ar', limit: 1 })[0]?.entryId).toBe(7);
  });

  it('reads a short vowel before a doubled consonant: 3abbi is to fill, not the games', () => {
    expect(analyzeQuery('bdi 3abbi rased').map((w) => w.forms)).not.toContainEqual(forms('playground'));
    expect(answered('ween ashtri recharge lal khat? carte prépayée ya3ni, bdi 3abbi rased', 'ar')).toBe(8);
  });
});

describe('French words in Arabic letters', () => {
  it('reads the bibliothèque, the facteur, the fourrière and the flea market', () => {
    expect(forms('البيبليوتيك')).toEqual(forms('library'));
    expect(forms('لافاكتور')).toEqual(forms('facteur'));
    expect(forms('الفوريير')).toEqual(forms('fourriere'));
    expect(answered('el marché aux puces emta? el brocante ya3ni, 3ayez ashtri 7agat adima', 'ar')).toBe(21);
    expect(answered('الكولي تاعي مالقيتوش، لافاكتور قال ما كانش حد فالدار، فين نمشي نجيبو؟', 'ar')).toBe(19);
  });

  it('leaves a towed car and fares for the elderly unanswered', () => {
    expect(answered('سيارة ضيفي انسحبت من قدام البناية، وين الفوريير وبكم بيطلعوها؟', 'ar')).toBeUndefined();
    expect(answered('أنا عمري ٦٨، الكبار بالسن عندهم تخفيض على الاشتراك؟', 'ar')).toBeUndefined();
  });
});

describe('the deaf neighbour', () => {
  it('reads صماء as deaf, whom the emergency numbers answer', () => {
    expect(forms('صماء')).toEqual(forms('deaf'));
    expect(answered('جارتي بالطابق التاني صماء وسألتني لو صار معها شي طارئ كيف بتتواصل مع الطوارئ بدون ما تحكي بالتلفون، حدا بيعرف؟', 'ar')).toBe(7);
  });
});

describe('a broken thing to get rid of', () => {
  it('reads broken after a piece of furniture or an appliance as part of the thing, not a breakdown', () => {
    const words = analyzeQuery('عندي matelas قديم وكنبة مكسورة، كيف بتخلص منهم؟').map((w) => w.forms);
    expect(words).not.toContainEqual(forms('broken'));
    expect(answered('مرحبا، عنا خزانة قديمة وفرشة مكسورين بالبيت من شهر 😩 في رقم تلفون بتصل فيه البلدية ليجوا ياخدوهن؟', 'ar')).toBe(2);
    expect(analyzeQuery('عندي ميكروويف خربان').map((w) => w.forms)).toEqual([forms('microwave')]);
  });

  it('still reads a lift or the heating as broken', () => {
    expect(analyzeQuery('الاسانسور خربان').map((w) => w.forms)).toContainEqual(forms('broken'));
  });
});

describe('the tip is where things are thrown away', () => {
  it('answers where to throw paint and branches with the recycling centre', () => {
    expect(answered('خلصنا نقص الشجر بالحديقه وعندنا اكياس اغصان وعلب صبغ باقيه، وين نوديها؟ وش الدوام؟', 'ar')).toBe(3);
    expect(answered('عندي علب بويا قديمة وأغصان من تقليم الشجر، وين بقدر ارميهم؟', 'ar')).toBe(3);
  });
});

describe('a price asked', () => {
  it('reads "paid or free?" as asking a price, which the bike room does not name', () => {
    expect(answered('البادج تاع غرفة البسكليتات بالسوسول بفلوس ولا مجاني؟', 'ar')).toBeUndefined();
    expect(answered('is the badge for the bike room paid or free?', 'en')).toBeUndefined();
  });

  it('reads the Maghreb\'s قداش تخلص as asking a price, which the market does not name', () => {
    expect(answered('قداش تخلص بلاصة باش تبيع فالبروكانت؟', 'ar')).toBeUndefined();
  });
});

describe('who to call for a leak', () => {
  it('reads water coming down as a leak, and "اكلم مين" as asking whom to call', () => {
    expect(forms('مية نازلة')).toEqual(forms('leak'));
    expect(forms('اكلم مين')).toEqual(forms('call'));
    expect(forms('اكلم')).toEqual(forms('contact'));
    expect(answered('الحقوووني في مية نازلة من السقف بالحمام والساعة ١١ بالليل، اكلم مين؟؟ 😱', 'ar')).toBe(17);
    expect(answered('التدفية واقفه من امبارح والشقه بقت تلاجة 🥶 اكلم مين', 'ar')).toBe(17);
  });
});

describe('putting the bin out', () => {
  it('reads "put" before the bin as putting it out, not storing', () => {
    expect(analyzeQuery('emta a7ot el poubelle?').map((w) => w.forms)).not.toContainEqual(forms('store'));
    expect(answered('sa7bi wa9tach n7et la poubelle barra? l3chiya wla f sba7? ma bghitch jiran yt9ell9o', 'ar')).toBe(1);
    expect(answered('emta a7ot el poubelle 3and el bab bel leil? w arga3ha emta?', 'ar')).toBe(1);
  });

  it('still reads "put" before a bike as storing it', () => {
    expect(analyzeQuery('وين احط البسكليت؟').map((w) => w.forms)).toContainEqual(forms('store'));
  });
});

describe('works in a flat', () => {
  it('reads التصليحات as the works the noise rules allow at set hours', () => {
    expect(forms('التصليحات')).toEqual(forms('travaux'));
    expect(answered('الجار اللي فوقي عم يدق بالشنيور كل يوم من الساعة 8 الصبح 🤯 شو الساعات المسموح فيها التصليحات؟ وإذا ما وقف شو بعمل؟', 'ar')).toBe(15);
  });
});

describe('the phone number', () => {
  it('reads رقم تلفون as one thing asked, as English "phone number" is', () => {
    expect(forms('رقم تلفون')).toEqual(forms('phone number'));
    expect(answered('رقم تلفون مكتب إدارة العمارة لو سمحتو', 'ar')).toBe(16);
  });
});
