// The things and situations behind each topic (src/text/topics.ts): they join the concept an entry about that topic
// has, so a writer who names the situation instead of the topic still meets the entry, and they stay out of other
// topics.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

describe('topic words', () => {
  it('reads the things and situations behind a topic as its concept, in the five languages', () => {
    expect(forms('ponceuse')).toEqual(forms('bruit'));
    expect(forms('болгаркою')).toEqual(forms('bruit'));
    expect(forms('invendus')).toEqual(forms('food'));
    expect(forms('labrador')).toEqual(forms('dog'));
    expect(forms('columpio')).toEqual(forms('playground'));
    expect(forms('roaming')).toEqual(forms('sim'));
    expect(forms('حداد')).toEqual(forms('locksmith'));
    expect(forms('التلات')).toEqual(forms('monday'));
  });

  it('reads a word glued to a spoken "on the" (عال) as the word', () => {
    expect(forms('عالباص')).toEqual(forms('الباص'));
    expect(forms('عالديشتري')).toEqual(forms('الديشتري'));
  });

  it('answers a question that names the situation, not the topic', () => {
    expect(answered('Il paraît qu’il y a du pain invendu donné quelque part le samedi, quelqu’un sait où ?', 'fr')).toBe(31);
    expect(answered('what time are we supposed to stop drilling / hammering on a saturday?', 'en')).toBe(15);
  });

  it('keeps a word of one topic out of the others: a municipal pool is not the town hall, a bakery not the food bank', () => {
    expect(forms('municipal')).not.toEqual(forms('mairie'));
    expect(answered('hay piscina municipal cerca?', 'es')).toBeUndefined();
    expect(answered('¿dónde compro pan?', 'es')).toBeUndefined();
  });

  it('reads the words neighbours use for a topic: a school year, vintage hunting, comics, a phone contract, le courant', () => {
    expect(forms('CE1')).toEqual(forms('école'));
    expect(forms('vintage')).toEqual(forms('brocante'));
    expect(forms('BD')).toEqual(forms('bibliothèque'));
    expect(forms('phone contract')).toEqual(forms('sim'));
    expect(answered('where can the kids play outside', 'en')).toBe(28);
    expect(answered('Y a de l\'eau qui coule du plafond de ma salle de bain et il est 23h, j\'appelle qui ??', 'fr')).toBe(17);
    expect(answered('je demenage le 1er, comment je fais pour avoir le courant ?', 'fr')).toBe(26);
    expect(answered('il y a un endroit sécurisé dans la résidence pour mettre mon vélo cargo ?', 'fr')).toBe(14);
  });

  it('reads the emergency numbers, a phone number and the papers a school asks for as their concepts', () => {
    expect(forms('999')).toEqual(forms('emergency'));
    expect(forms('112')).toEqual(forms('urgence'));
    expect(forms('numéro de tel')).toEqual(forms('téléphone'));
    expect(forms('carnet de vaccination')).toEqual(forms('papiers'));
    expect(answered('whats the number for an ambulance here, 999 doesnt work right?', 'en')).toBe(7);
    expect(answered('numéro de tel du gestionnaire svp', 'fr')).toBe(16);
    expect(answered('school enrolment documents?', 'en')).toBe(20);
    expect(answered('inscription ecole maternelle quels papiers ?', 'fr')).toBe(20);
  });

  it('reads neighbours partying as noise and free food parcels as the food bank, not a parcel', () => {
    expect(forms('font la fête')).toEqual(forms('bruit'));
    expect(forms('partying')).toEqual(forms('noise'));
    expect(answered('what are the quiet hours here? neighbours having a party every night', 'en')).toBe(15);
    expect(answered('anywhere giving out free food parcels round here?', 'en')).toBe(31);
    expect(answered('Bonjour, y a-t-il une banque alimentaire ou une distribution de colis près d\'ici ? Quels horaires ?', 'fr')).toBe(31);
  });

  it('reads parking a bike or a scooter as storing it, not as parking a car', () => {
    expect(answered('where can I park my scooter', 'en')).toBe(14);
    expect(answered('où je peux garer mon vélo ?', 'fr')).toBe(14);
  });

  it('reads the recycling day as the bins\' day and a serious problem as an emergency', () => {
    expect(answered('recycling day?', 'en')).toBe(1);
    expect(forms('souci grave')).toEqual(forms('urgence'));
  });

  it('reads the common areas as common, not a party, and a bike kept safe, not chained outside, as bike storage', () => {
    expect(forms('parties communes')).toEqual(forms('commune'));
    expect(answered('is there anywhere safe to keep a bike? dont really want to leave it chained outside', 'en')).toBe(14);
  });

  it('reads having furniture taken away as its collection', () => {
    expect(forms('takes away')).toEqual(forms('collection'));
    expect(answered('who takes away old furniture', 'en')).toBe(2);
  });

  it('reads a foreign phone plan that stopped working as a SIM question, and the UK as small talk', () => {
    expect(forms('forfait anglais')).toEqual(forms('sim'));
    expect(analyzeQuery('from the UK').find((w) => w.word === 'uk')?.weak).toBe(true);
    expect(answered('Hello! qqn sait ou je peux trouver une puce prépayée ? mon forfait anglais marche plus depuis que je suis arrivé', 'fr')).toBe(8);
  });

  it('reads the doctor\'s prescription as the prescription, not a question about a doctor, and an ear infection as small talk', () => {
    expect(forms("l'ordonnance du médecin")).toEqual(forms('ordonnance'));
    expect(forms("the doctor's prescription")).toEqual(forms('prescription'));
    expect(analyzeQuery('ma fille a une otite').find((w) => w.word === 'otite')?.weak).toBe(true);
    expect(answered('Urgent svp, mon fils a 39 de fievre et il est 23h, y a une pharma ouverte la nuit qq part ? on a l\'ordonnance du medecin', 'fr')).toBe(6);
  });

  it('reads a lift repair as the lift, not a repair in a flat', () => {
    expect(answered("what's the lift repair number?", 'en')).toBe(29);
  });

  it('reads declaring a GP and a medical practice as registering with a doctor', () => {
    expect(analyzeQuery('y a un cabinet qui prend encore des gens ?')[0]?.forms).toEqual(forms('médecin'));
    expect(forms('déclarer un généraliste')).toEqual(forms('declarer un medecin traitant'));
  });

  it('reads "le courant a sauté" as a power cut, while "avoir le courant" is setting up electricity', () => {
    expect(forms('le courant a sauté')).toEqual(forms('coupure de courant'));
    expect(answered("le courant a sauté chez moi, j'appelle qui ?", 'fr')).toBe(17);
  });
});
