/** Removable filter chips: each links to the same list without that one value, landing on the results. */
import { describe, expect, test } from 'vitest';
import { filterChips, listHref } from '#domain/filter-chips.ts';

describe('filterChips', () => {
  const params = new URLSearchParams('sector=logistiek&doelgroep=jongeren&doelgroep=arbeidsbeperking&sorteer=sluitingsdatum&pagina=2');
  const chips = filterChips('/pitches/', params, [
    { param: 'sector', value: 'logistiek', label: 'Logistiek' },
    { param: 'doelgroep', value: 'jongeren', label: 'Jongeren' },
  ]);

  test('een chip laat alleen zijn eigen waarde weg en houdt de rest (ook de sortering)', () => {
    expect(chips[0]).toEqual({ label: 'Logistiek', href: '/pitches/?doelgroep=jongeren&doelgroep=arbeidsbeperking&sorteer=sluitingsdatum#resultaten' });
    expect(chips[1]!.href).toBe('/pitches/?sector=logistiek&doelgroep=arbeidsbeperking&sorteer=sluitingsdatum#resultaten');
  });

  test('het paginanummer vervalt, want de resultaten veranderen', () => {
    expect(chips.every((chip) => !chip.href.includes('pagina='))).toBe(true);
  });

  test('de laatste chip leidt naar de lijst zonder query, bij de resultaten', () => {
    const [only] = filterChips('/praktijkvoorbeelden/', new URLSearchParams('sector=logistiek'), [{ param: 'sector', value: 'logistiek', label: 'Logistiek' }]);
    expect(only!.href).toBe('/praktijkvoorbeelden/#resultaten');
    expect(listHref('/praktijkvoorbeelden/')).toBe('/praktijkvoorbeelden/#resultaten');
  });
});
