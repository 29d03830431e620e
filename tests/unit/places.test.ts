import { describe, expect, test } from 'vitest';
import { municipalityForPlace, placeNamesOf } from '#features/catalog/places.ts';

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

describe('de officiële lijst met woonplaatsen (content/geo/plaatsnamen.csv)', () => {
  test('woonplaatsen uit de BAG-lijst vinden hun gemeente, ook na een herindeling', () => {
    expect(municipalityForPlace('Krommenie')?.name).toBe('Zaanstad');
    expect(municipalityForPlace('Sneek')?.name).toBe('Súdwest-Fryslân');
    expect(municipalityForPlace("'t Harde")?.name).toBe('Elburg');
    expect(municipalityForPlace('Weesp')?.name).toBe('Amsterdam');
    expect(municipalityForPlace('Appingedam')?.name).toBe('Eemsdelta');
  });

  test('een plaatsnaam die ook een gemeente is, blijft die gemeente', () => {
    expect(municipalityForPlace('Zaanstad')?.name).toBe('Zaanstad');
    // The woonplaats Hengelo lies in Hengelo (O.); another Hengelo lies in Bronckhorst.
    expect(municipalityForPlace('Hengelo')?.name).toBe('Hengelo (O.)');
  });

  test('de lijst herhaalt geen gemeentenamen als plaatsnaam van dezelfde gemeente', () => {
    expect(placeNamesOf('zaanstad')).not.toContain('Zaanstad');
    expect(placeNamesOf('zaanstad')).toEqual(expect.arrayContaining(['Zaandam', 'Krommenie', 'Wormerveer', 'Assendelft', 'Zaandijk', 'Koog aan de Zaan', 'Westzaan']));
  });
});

describe('een plaatsnaam als zoekvraag', () => {
  test('wordt de naam van haar gemeente; andere vragen blijven zoals ze zijn', async () => {
    const { withMunicipalityNames } = await import('#features/catalog/places.ts');
    expect(withMunicipalityNames('Zaandam')).toBe('Zaanstad');
    expect(withMunicipalityNames('den haag')).toBe("'s-Gravenhage");
    expect(withMunicipalityNames('werk in de wijk')).toBe('werk in de wijk');
  });
});
