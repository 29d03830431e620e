/**
 * What a blind check against the source texts (tests/source-texts.ts) found, kept fixed. Tags and links
 * the sources don't support, evidence labels, who said what, programme statements labelled as the
 * programme's, and advice marked as the editors' suggestion.
 */
import { describe, expect, test } from 'vitest';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';
import { loadSourceRecords } from '#features/catalog/sources.ts';
import { body, readCases, readInstruments } from './content-files.ts';

const caseById = (id: string) => readCases().find((c) => c.id === id)!;
const instrumentById = (id: string) => readInstruments().find((i) => i.id === id)!;
const organisation = (id: string) => loadOrganisationRecords().find((o) => o.id === id)!;
const text = (file: string, data: unknown) => `${JSON.stringify(data)}\n${body(file)}`;

describe('tags en links die de bronnen niet dragen', () => {
  test('ISS staat niet onder de sector overheid (het verslag noemt geen sector)', () => {
    expect(caseById('iss-de-liemers-breed-offensief').data.sectors).not.toContain('overheid');
    expect(organisation('iss').sectors ?? []).not.toContain('overheid');
  });

  test('Asito en de Universiteit Utrecht hangen niet aan sociaal inkopen', () => {
    const page = instrumentById('sociaal-inkopen');
    expect(page.data.organisations).not.toContain('asito');
    expect(page.data.organisations).not.toContain('universiteit-utrecht');
    expect(body(page.file)).not.toContain('/praktijkvoorbeelden/asito-universiteit-utrecht');
  });

  test('Facilicom en Buitengewoon hangen niet aan omscholing naar tekortberoepen', () => {
    const page = instrumentById('omscholing');
    expect(page.data.organisations).not.toContain('facilicom');
    expect(page.data.organisations).not.toContain('buitengewoon');
    expect(body(page.file)).not.toContain('/praktijkvoorbeelden/facilicom-buitengewoon');
  });

  test('Op naar de 100.000 banen hangt niet aan garantiebanen (het verslag legt dat verband niet)', () => {
    expect(instrumentById('garantiebanen').data.organisations).not.toContain('op-naar-de-100000-banen');
  });
});

describe('bewijs en wie wat zei', () => {
  test('Zwolle’s regelluwe werken werd alleen genoemd in de pitchronde: label pitch, geen gedeelde ervaring', () => {
    expect(caseById('zwolle-regelluw-werken').data.evidence).toBe('pitch');
    const stance = instrumentById('jobcoaching-loonwaarde').data.stances.find((s) => s.municipality === 'zwolle')!;
    expect(stance.evidence).toBe('pitch');
  });

  test('vertrouwen is in Zwolle het gezamenlijke doel, niet het vertrekpunt ("vanuit vertrouwen", "op basis van")', () => {
    for (const page of [caseById('zwolle-regelluw-werken'), instrumentById('jobcoaching-loonwaarde')]) {
      const all = text(page.file, page.data);
      expect(all).not.toMatch(/vanuit vertrouwen|op basis van vertrouwen|vertrouwen .{0,40}de basis/i);
    }
  });

  test('de "marktplaats" komt van de organisatoren; uit de zaal kwam de tip om wethouders te laten pitchen', () => {
    const page = body(instrumentById('werkgevers-service-punt').file);
    expect(page).not.toMatch(/uit de zaal kwam het idee van een soort marktplaats/i);
    expect(page).toMatch(/organisatoren[^.]*marktplaats/);
    expect(page).toMatch(/uit de zaal[^.]*pitchen/i);
  });

  test('de werkgarantie staat er als voorstel van één programma, niet als gangbaar instrument', () => {
    const page = instrumentById('werkgarantie');
    expect(page.data.summary).toMatch(/voorstel uit het verkiezingsprogramma van de PvdA in Zoetermeer/);
    expect(body(page.file)).not.toContain('Algemene uitleg; dit deel komt niet uit de bronnen.');
  });
});

describe('verkiezingsprogramma’s als programma, niet als feit', () => {
  const programmes = new Set(loadSourceRecords().filter((s) => s.kind === 'verkiezingsprogramma').map((s) => s.id));

  test('elke organisatiebeschrijving noemt haar bronnen', () => {
    for (const org of loadOrganisationRecords().filter((o) => o.description)) expect(org.sources?.length ?? 0, org.id).toBeGreaterThan(0);
  });

  test('een beschrijving die alleen op programma’s rust, zegt dat het het programma is dat het zegt', () => {
    const onlyProgrammes = loadOrganisationRecords().filter((o) => o.sources?.length && o.sources.every((s) => programmes.has(s)));
    expect(onlyProgrammes.map((o) => o.id)).toEqual(expect.arrayContaining(['uw', 'pantar', 'de-binnenbaan', 'wsp-zuid-holland-centraal', 'het-werkbedrijf-nijmegen']));
    for (const org of onlyProgrammes) expect(org.description, org.id).toMatch(/verkiezingsprogramma/i);
  });

  test('wat een programma als bereikt noemt (het Jongerenpact), staat er als bewering van de partij', () => {
    expect(organisation('het-werkbedrijf-nijmegen').description).toMatch(/als bereikt/);
    expect(organisation('het-werkbedrijf-nijmegen').description).toMatch(/bewering van de partij/);
  });

  test('elke uitspraak uit een programma op een instrumentpagina is een ambitie en noemt het programma', () => {
    for (const page of readInstruments()) {
      for (const stance of page.data.stances.filter((s) => programmes.has(s.source))) {
        expect(stance.evidence, `${page.id}/${stance.municipality}`).toBe('ambitie');
        expect(stance.statement, `${page.id}/${stance.municipality}`).toMatch(/verkiezingsprogramma/i);
      }
    }
  });
});

describe('adviezen lezen als suggestie, niet als bevinding', () => {
  // The pages that existed when the check was made; new pages follow the README's template.
  const checkedCases = ['albert-heijn-zaanstad', 'asito-universiteit-utrecht', 'facilicom-buitengewoon', 'iss-de-liemers-breed-offensief', 'landelijke-inclusieve-activiteitenkalender', 'postnl-pakketsorteercentra', 'zaanstad-poelenbrug-wie-biedt', 'zwolle-regelluw-werken'];

  test.each(checkedCases)('%s: "Wat u kunt overnemen" begint met de melding dat het suggesties van de redactie zijn', (id) => {
    expect(body(caseById(id).file)).toMatch(/## Wat u kunt overnemen\n\nSuggesties van de redactie/);
  });

  const checkedInstruments = ['basisbaan', 'bbl-bedrijfsschool', 'beschut-werk', 'garantiebanen', 'jobcoaching-loonwaarde', 'loonkostensubsidie', 'omscholing', 'sociaal-inkopen', 'werkgarantie', 'werkgevers-service-punt'];

  test.each(checkedInstruments)('%s: "Waar u op let" zegt dat het suggesties van de redactie zijn', (id) => {
    expect(body(instrumentById(id).file)).toMatch(/## Waar u op let\n\nAandachtspunten van de redactie[^\n]*suggesties, geen bevindingen/);
  });

  test('de gevonden zinnen die als bevinding lezen, zijn weg', () => {
    const all = [...readCases(), ...readInstruments()].map((p) => body(p.file)).join('\n');
    for (const finding of ['Een goede match voorkomt dat mensen afhaken', 'Een werkgever wacht niet lang', 'Anders haken mensen af', 'Wie verschillend werk heeft gezien, kiest beter', 'Die twee instrumenten gaan vaak samen', 'Dit voorbeeld laat zien dat vertrouwen']) {
      expect(all).not.toContain(finding);
    }
  });
});

describe('eigen woorden', () => {
  test('de zinnen die bijna letterlijk uit de bronnen kwamen, zijn herschreven', () => {
    const all = [...readCases(), ...readInstruments()].map((p) => `${JSON.stringify(p.data)}\n${body(p.file)}`).join('\n') + JSON.stringify(loadOrganisationRecords());
    for (const close of [
      'niet gericht op vuurwerk',
      'Vertrouwen tussen gemeente en werkgever is daarin een gezamenlijk doel',
      'Stagiairs van praktijkscholen konden er hun talenten ontdekken',
      'Kandidaten kregen een opleiding',
      'vinden mensen makkelijker de juiste meet & greets',
      'Tien aanwezige werkgevers wilden meedenken en de handen uit de mouwen steken',
      'bieden ze een veilige, beschutte plek aan mensen die op de gewone arbeidsmarkt geen kans maken',
      'ruim de tijd krijgt om zich te bewijzen',
      'mee mogen doen aan aanbestedingen',
      'de gemeente als enige aandeelhouder',
    ]) {
      expect(all).not.toContain(close);
    }
  });
});
