// Spanish, Arabic and Ukrainian analysis, the concept lexicon across languages, and mixed-language questions.
import { describe, expect, it } from 'vitest';
import { analyze, analyzeQuery } from '../../src/features/faq/analyze.js';
import { detectLanguage } from '../../src/text/language.js';
import { FaqIndex, answerQuestion, type FaqEntry } from '../../src/features/faq/match.js';
import { tokenize } from '../../src/text/normalize.js';
import { stemAr, stemEs, stemUk } from '../../src/text/stem.js';

describe('analysis', () => {
  it('stems Spanish, Arabic and Ukrainian forms of one word alike', () => {
    expect(stemEs('recogida')).toBe(stemEs('recogen'));
    expect(stemEs('farmacias')).toBe(stemEs('farmacia'));
    expect(stemUk('аптеки')).toBe(stemUk('аптека'));
    expect(stemUk('бібліотеки')).toBe(stemUk('бібліотека'));
    expect(stemAr('القمامة')).toBe(stemAr('قمامة'));
  });

  it('folds Arabic: diacritics, tatweel, alef forms, taa marbuta written as haa, the article', () => {
    const terms = (text: string) => analyze(text, 'ar');
    expect(terms('الصَّيْدَلِيَّة')).toEqual(terms('صيدلية'));
    expect(terms('أين')).toEqual(terms('اين'));
    expect(terms('إسعاف')).toEqual(terms('اسعاف'));
    expect(terms('المكتبـــة')).toEqual(terms('مكتبه'));
  });

  it('keeps a Ukrainian apostrophe inside its word, whichever apostrophe is typed', () => {
    expect(tokenize("пам'ять")).toEqual(['память']);
    expect(tokenize('пам’ять')).toEqual(['память']);
    expect(tokenize('памʼять')).toEqual(['память']);
    expect(tokenize("зв'язатися")).toEqual(tokenize('звʼязатися'));
    // French elision still splits.
    expect(tokenize("l'école")).toEqual(['ecole']);
  });

  it('maps everyday words of the five languages to one concept', () => {
    const concept = (word: string) => analyzeQuery(word)[0]?.forms;
    const pharmacy = concept('pharmacy');
    expect(pharmacy).toEqual(['#pharmacy']);
    for (const word of ['pharmacie', 'farmacia', 'الصيدلية', 'аптека']) expect(concept(word)).toEqual(pharmacy);
    const bins = concept('rubbish');
    for (const word of ['poubelles', 'basura', 'الزبالة', 'сміття']) expect(concept(word)).toEqual(bins);
  });

  it('detects Spanish where French shares the little words', () => {
    expect(detectLanguage('horario de la piscina')).toBe('es');
    expect(detectLanguage('el mercado es el domingo?')).toBe('es');
    expect(detectLanguage('la poste est ouverte ?')).toBe('fr');
    expect(detectLanguage('où est la déchetterie')).toBe('fr');
    expect(detectLanguage('la piscina')).toBe('es');
    expect(detectLanguage('de la piscina municipal')).toBe('es');
    expect(detectLanguage('horaires de la piscine')).toBe('fr');
    expect(detectLanguage('la bibliothèque ouvre le dimanche')).toBe('fr');
  });

  it('reads spoken Arabic present-tense prefixes (بيصلح, بيجمعوا) as the written verb', () => {
    const concept = (word: string) => analyzeQuery(word)[0]?.forms;
    expect(concept('بيجمعوا')).toEqual(concept('يجمعون'));
    expect(concept('بيصلح')).toEqual(['#repair']);
  });

  it('maps the details entries name only in their answers, in every language', () => {
    const concept = (word: string) => analyzeQuery(word)[0]?.forms;
    for (const word of ['paint', 'peinture', 'pintura', 'الدهان', 'фарбу']) expect(concept(word), word).toEqual(['#paint']);
    for (const word of ['prescription', 'ordonnance', 'receta', 'الوصفة', 'рецепт']) {
      expect(concept(word), word).toEqual(['#prescription']);
    }
  });
});

describe('across languages', () => {
  const entries: FaqEntry[] = [
    { id: 1, translations: [{ lang: 'fr', question: 'Quelle est la pharmacie de garde le dimanche ?', answer: 'Celle de la place du Marché.' }] },
    { id: 2, translations: [{ lang: 'fr', question: 'Quel jour est le ramassage des poubelles ?', answer: 'Le mardi soir.' }] },
    {
      id: 3,
      translations: [
        { lang: 'en', question: 'Where is the town hall?', answer: 'On Republic Square.' },
        { lang: 'fr', question: 'Où est la mairie ?', answer: 'Place de la République.' },
      ],
    },
  ];
  const index = new FaqIndex(entries);

  it('answers Spanish, Arabic and Ukrainian questions from an entry written only in French', () => {
    for (const q of ['¿qué farmacia está de guardia el domingo?', 'ما هي الصيدلية المناوبة يوم الأحد؟', 'яка аптека чергує в неділю?']) {
      const result = answerQuestion(index, q);
      expect(result.kind === 'answer' && result.entryId, q).toBe(1);
    }
    const bins = answerQuestion(index, 'cuándo recogen la basura?');
    expect(bins.kind === 'answer' && bins.entryId).toBe(2);
  });

  it('meets a mixed-language question with the words of whichever translation has them', () => {
    const result = answerQuestion(index, 'where is the mairie?');
    expect(result.kind === 'answer' && result.entryId).toBe(3);
  });

  it('does not answer a question about a topic the FAQ lacks, in any language', () => {
    for (const q of ['alguien conoce un buen dentista?', 'هل يعرف أحد سباكاً جيداً؟', 'хтось знає хорошого сантехніка?', 'where can I park my boat?']) {
      expect(answerQuestion(index, q).kind, q).toBe('none');
    }
  });
});
