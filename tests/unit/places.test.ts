import { describe, expect, test } from 'vitest';
import { municipalityForPlace, placeNamesOf } from '../../src/catalog/places.ts';

describe('plaatsnamen', () => {
  test('een plaats vindt haar gemeente, ook zonder hoofdletters of apostrof', () => {
    expect(municipalityForPlace('Zaandam')?.name).toBe('Zaanstad');
    expect(municipalityForPlace('den haag')?.name).toBe("'s-Gravenhage");
    expect(municipalityForPlace('s-Gravenhage')?.name).toBe("'s-Gravenhage");
    expect(municipalityForPlace('Sudwest-Fryslan')?.name).toBe('Súdwest-Fryslân');
    expect(municipalityForPlace('Atlantis')).toBeUndefined();
  });

  test('een gemeente kent de namen van haar plaatsen', () => {
    expect(placeNamesOf('zaanstad')).toContain('Zaandam');
  });
});
