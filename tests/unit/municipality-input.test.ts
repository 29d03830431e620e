/** The suggestions under the registration form's municipality field, and "which one?". */
import { describe, expect, test } from 'vitest';
import { municipalityOptions, resolveTypedMunicipality } from '#features/accounts/municipality-input.ts';
import { loadGeo } from '#features/catalog/geo.ts';

describe('gemeente intypen bij registreren', () => {
  test('de lijst heeft alle gemeenten en daarna plaatsnamen met hun gemeente', () => {
    const options = municipalityOptions();
    const municipalities = options.filter((o) => !o.label);
    expect(municipalities).toHaveLength(loadGeo().municipalities.length);
    expect(municipalities.map((o) => o.value)).toContain("'s-Gravenhage");
    expect(options).toContainEqual({ value: 'Den Haag', label: "gemeente 's-Gravenhage" });
    expect(options).toContainEqual({ value: 'Zaandam', label: 'gemeente Zaanstad' });
    // Each suggestion once.
    expect(new Set(options.map((o) => `${o.value}|${o.label}`)).size).toBe(options.length);
  });

  test('een eigen gemeentenaam is nooit dubbelzinnig; "Bergen" wel', () => {
    expect(resolveTypedMunicipality('Bergen (L.)')).toMatchObject({ ok: true, municipality: { id: 'bergen-l' } });
    const bergen = resolveTypedMunicipality('bergen');
    expect(bergen.ok).toBe(false);
    expect(bergen).toMatchObject({ reason: 'ambiguous' });
    expect((bergen as { candidates: { id: string }[] }).candidates.map((m) => m.id)).toEqual(['bergen-l', 'bergen-nh']);
  });
});
