import { describe, expect, it } from 'vitest';
import { fold } from '../../src/text/fold.js';
import { parseOnOff } from '../../src/features/quiet-and-flood/args.js';
import { parseQuietMode } from '../../src/features/quiet-and-flood/quiet-hours.js';

describe('fold: the one text folding (FAQ and command arguments)', () => {
  it('drops case and accents, keeps letters of their own', () => {
    expect(fold('Déchetterie ÉCOLE')).toBe('dechetterie ecole');
    expect(fold('Désactiver')).toBe('desactiver');
    expect(fold('Київ')).toBe('київ');
    expect(fold('ﬁn １')).toBe('fin 1');
  });

  it('is what the argument parsers compare with', () => {
    expect(parseOnOff(' Désactivé ')).toBe(false);
    expect(parseOnOff('SÍ')).toBe(true);
    expect(parseQuietMode('Élimïnar')).toBe('delete');
    expect(parseQuietMode('SUPPRIMER ')).toBe('delete');
  });
});
