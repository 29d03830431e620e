/**
 * What a blind check against the source texts (tests/source-texts.ts) found, kept fixed. Tags and links
 * the sources don't support, evidence labels, who said what, programme statements labelled as the
 * programme's, and advice marked as the editors' suggestion.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { caseStatuses, evidenceBadge, labelOf, targetGroups } from '#domain/facets.ts';
import { pitchListHeading } from '#domain/demo-marks.ts';
import { isPlan } from '#domain/practice-counts.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';
import { featuredPractices } from '#features/catalog/practices-and-plans.ts';
import { provenanceOf, standByStatus } from '#features/catalog/provenance.ts';
import { loadSourceRecords } from '#features/catalog/sources.ts';
import { body, readCases, readInstruments, sourceRecordMap } from './content-files.ts';
import { haveSourceTexts, noSourceTexts, sourceText } from '../source-texts.ts';

const caseById = (id: string) => readCases().find((c) => c.id === id)!;
const instrumentById = (id: string) => readInstruments().find((i) => i.id === id)!;
const organisation = (id: string) => loadOrganisationRecords().find((o) => o.id === id)!;
const text = (file: string, data: unknown) => `${JSON.stringify(data)}\n${body(file)}`;
/** Every case and instrument, frontmatter and text, as one string to search. */
const allContent = () => [...readCases(), ...readInstruments()].map((p) => text(p.file, p.data)).join('\n');
/** The same with the organisation records. */
const allContentAndOrganisations = () => allContent() + JSON.stringify(loadOrganisationRecords());

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
    const all = allContentAndOrganisations();
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

// The second check against the five sources: what it found, kept fixed.
describe('tweede bronnencheck: stand, toeschrijving en overdrijving', () => {
  const page = (file: string) => readFileSync(file, 'utf8');

  test('het Jongerenpact: de kop zegt dat de partij het bereikt noemt, niet dat het een voorstel is', () => {
    const pact = caseById('nijmegen-jongerenpact');
    expect(pact.data.status).toBe('geclaimd');
    const p = provenanceOf(pact.data, sourceRecordMap());
    expect(p.stand).not.toMatch(/een voorstel; of het is uitgevoerd/);
    expect(p.stand).toMatch(/noemt het Jongerenpact bereikt; geen andere bron bevestigt dat/);
    // Without a `stand`, the status alone says the same.
    expect(standByStatus.geclaimd).toBe('de partij noemt het bereikt; andere bronnen bevestigen het niet');
    expect(labelOf(caseStatuses, 'geclaimd')).toBe('Bereikt volgens de partij');
  });

  test('standpunten komen uit verkiezingsprogramma’s, niet van de steden, en "waar het werkt" is weg', () => {
    const home = page('src/pages/index.astro');
    const instrumentsIndex = page('src/pages/instrumenten/index.astro');
    const article = page('src/components/InstrumentArticle.astro');
    for (const old of ['waar het in de praktijk werkt', 'wat steden ervan zeggen', 'Welke middelen zetten gemeenten en werkgevers in', 'wat gemeenten erover zeggen', 'wat gemeenten ervan zeggen']) {
      expect(`${home}${instrumentsIndex}${article}`).not.toContain(old);
    }
    expect(home).toMatch(/verkiezingsprogramma’s voor Utrecht, Amsterdam, Zoetermeer en Nijmegen willen/);
    expect(instrumentsIndex).toMatch(/verkiezingsprogramma’s voor Utrecht, Amsterdam, Zoetermeer en Nijmegen ermee willen/);
    expect(instrumentsIndex).toMatch(/plannen van politieke partijen, niet van de gemeenten/);
    expect(article).toMatch(/<caption[^>]*>\{data\.title\}: wat de verkiezingsprogramma’s per stad willen/);
  });

  test('de lijst met praktijkvoorbeelden zegt dat er ook plannen tussen staan', () => {
    const lead = page('src/pages/praktijkvoorbeelden/index.astro').match(/<p class="pp-lead">([^<]*)<\/p>/)![1]!;
    expect(lead).toMatch(/plannen uit verkiezingsprogramma’s/);
  });

  test('de overdrijvingen en verschuivingen uit de check zijn weg (L1–L9, L14)', () => {
    const all = allContentAndOrganisations();
    for (const found of [
      'vast onderdeel van basisbanen',
      'vooral meebetaalt',
      'Die scholen moeten ook bij- en omscholing bieden',
      'Ook bedrijfsscholen moeten',
      'als voorwaarde kan stellen wanneer zij',
      'vanaf de top door de hele organisatie',
      'vaste banen met een beter loon',
      'voor wie het in de klas niet redt',
      'zeggen hoe de gemeente dit wil aanpakken',
      'die optreedt als het nodig is',
      'zoals in Utrecht gebeurde',
      'haar leveranciers',
      'leveranciers van de universiteit',
    ]) {
      expect(all).not.toContain(found);
    }
  });

  test('L10: bij jobcoaching staat geen standpunt van Utrecht (het programma noemt het niet); de tekst zegt dat het verband van de redactie is', () => {
    // Changed deliberately (third check, T5): a stance carried the badge "Uitgesproken ambitie" into
    // the comparison table and onto Utrecht's page, for an instrument the programme does not name.
    const page = instrumentById('jobcoaching-loonwaarde');
    expect(page.data.stances.map((s) => s.municipality)).not.toContain('utrecht');
    expect(body(page.file)).toMatch(/Geen van de vier verkiezingsprogramma's noemt jobcoaching of loonwaardebepaling/);
    expect(body(page.file)).toMatch(/Dat verband leggen wij/);
  });

  test('L12: algemene achtergrond staat er niet meer als feit uit de bron', () => {
    const all = allContent();
    for (const found of ['kijkt meestal eerst in de bekende bestanden', "Of zo'n plan werkt, blijkt pas in de praktijk", 'Met de juiste plek en steun kan hij of zij wel goed werken', 'Landelijke plannen voor werk worden door de rijksoverheid gemaakt']) {
      expect(all).not.toContain(found);
    }
    for (const id of ['facilicom-buitengewoon', 'iss-de-liemers-breed-offensief', 'postnl-pakketsorteercentra', 'landelijke-inclusieve-activiteitenkalender', 'asito-universiteit-utrecht', 'zwolle-regelluw-werken']) {
      expect(body(caseById(id).file), id).toMatch(/algemene uitleg|onze uitleg|die uitleg is van ons/i);
    }
  });

  test('L13: willen meedenken is geen resultaat; het staat in de tekst, niet onder "Resultaten"', () => {
    for (const item of readCases()) {
      for (const outcome of item.data.outcomes) expect(outcome, item.id).not.toMatch(/mee(denken| te denken)/);
    }
    expect(caseById('zaanstad-poelenbrug-wie-biedt').data.outcomes).toEqual([]);
    expect(body(caseById('zaanstad-poelenbrug-wie-biedt').file)).toMatch(/tien werkgevers/);
  });

  test('T1–T3: doelgroepen en bronnen die de bronnen niet dragen', () => {
    // T1: discrimination is about the labour market as a whole, not only pupils and interns.
    expect(caseById('discriminatie-op-het-werk-utrecht-nijmegen').data.targetGroups).not.toEqual(['leerlingen']);
    // T2: one rule for the 50-plussers tag: a stated age of 50 or more carries it, so Amsterdam's
    // "boven de 55" tags both the omscholing page and the Amsterdam 55+ case (a bare "ouderen" does not, see T4).
    expect(instrumentById('omscholing').data.stances.find((s) => s.municipality === 'amsterdam')?.statement).toMatch(/boven de 55/);
    expect(instrumentById('omscholing').data.targetGroups).toContain('ouderen');
    expect(caseById('amsterdam-55-plussers-en-werkcooperaties').data.targetGroups).toContain('ouderen');
    // T3: the report links none of its examples to BBL, so it is no source of that page.
    expect(instrumentById('bbl-bedrijfsschool').data.sources).not.toContain('werkconferentie-werkgevers-en-gemeenten.txt');
  });

  test('de bijna letterlijke zinnen (ook op de pagina Over) zijn herschreven of staan als citaat', () => {
    const all = allContent();
    for (const close of [
      'Op donderdag 21 maart spraken wethouders van 21 centrumgemeenten',
      'Voor omscholing binnen de publieke sector betaalt de gemeente',
      'In haar pitch vertelde de wethouder dat ze met werkgevers in de wijk wilde optrekken',
      'Volgens het programma moet de gemeente optreden tegen racisme',
      'Zoetermeer werkt daarin volgens het programma samen met',
      'meer ruimte geven om werkgevers en werkzoekenden zelf aan elkaar te koppelen',
      'op maat voor op een gewone baan',
    ]) {
      expect(all).not.toContain(close);
    }
    const about = page('src/pages/over.astro');
    expect(about).not.toMatch(/zeiden ook dat het wiel steeds opnieuw wordt uitgevonden/);
    expect(about).toMatch(/“al wordt het wiel wel steeds opnieuw uitgevonden, terwijl er al genoeg parels zijn in het land”/);
  });

  // The five summaries the check found above B1. The site-wide rule has its own check.
  test.each(['zwolle-regelluw-werken', 'facilicom-buitengewoon', 'albert-heijn-zaanstad', 'iss-de-liemers-breed-offensief', 'werkgarantie'])('%s: samenvatting in korte zinnen, zonder puntkomma', (id) => {
    const summary = (readCases().find((c) => c.id === id) ?? instrumentById(id)).data.summary;
    expect(summary).not.toContain(';');
    for (const sentence of summary.split(/(?<=[.!?])\s+/)) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(20);
    expect(summary).not.toMatch(/pitchronde|arrangement|arbeidsmarktregio|sociale onderneming|expertgroepen/);
  });
});

// The third check against the five sources: what it found, kept fixed.
describe('derde bronnencheck: programma’s als programma, plannen apart, tags', () => {
  const page = (file: string) => readFileSync(file, 'utf8');
  const everything = allContentAndOrganisations;

  test('M1–M4: een plan uit een programma staat er niet als wat "de gemeente" of "de stad" wil of doet', () => {
    expect(everything()).not.toMatch(/\b[Dd]e (gemeente|stad) (wil|gebruikt)\b/);
    expect(body(caseById('utrecht-50-plussers-van-werk-naar-werk').file)).toMatch(/verkiezingsprogramma voor Utrecht wil de samenwerking met werkgevers, het UWV en de vakbonden/);
    expect(body(caseById('arbeidsmigranten-utrecht-nijmegen').file)).toMatch(/Dat wil het programma samen met de Inspectie SZW doen/);
    expect(organisation('u-stal').description).toMatch(/Het programma wil de kennis en ervaring/);
    const lks = body(instrumentById('loonkostensubsidie').file);
    expect(lks).not.toContain('de gemeente gebruikt geen instrumenten');
    expect(lks).toMatch(/het programma wil dat de gemeente geen instrumenten gebruikt/);
  });

  test('M5: de instrumentenlijst en de instrumentpagina zeggen praktijk en plannen apart (één regel: isPlan)', () => {
    const index = page('src/pages/instrumenten/index.astro');
    expect(index).not.toMatch(/Gebruikt in \$\{countCases/);
    expect(index).toMatch(/instrumentUseText\(instrumentUse\(cases, instrument\.id\)\)/);
    const article = page('src/components/InstrumentArticle.astro');
    expect(article).toMatch(/casesWithInstrument\(cases, id\)/);
    expect(article).toMatch(/Plannen die dit instrument noemen/);
    // The plans under an instrument are the programme cases the check named; Zwolle is the practice.
    for (const id of ['amsterdam-banenpact', 'amsterdam-55-plussers-en-werkcooperaties', 'utrecht-50-plussers-van-werk-naar-werk', 'nijmegen-jongerenpact']) expect(isPlan(caseById(id).data), id).toBe(true);
    expect(isPlan(caseById('zwolle-regelluw-werken').data)).toBe(false);
  });

  test('L9: de Poelenbrug-pitch en wat een partij bereikt noemt, zijn plannen, geen praktijk', () => {
    expect(isPlan(caseById('zaanstad-poelenbrug-wie-biedt').data)).toBe(true);
    for (const item of readCases().filter((c) => c.data.status === 'geclaimd' || c.data.status === 'gepitcht')) expect(isPlan(item.data), item.id).toBe(true);
    expect(page('src/layouts/templates/PracticeMap.astro')).toMatch(/vragen die op de werkconferentie zijn gepitcht/);
  });

  test('L10: een organisatiepagina zet praktijk en plannen apart; de voorpagina belooft niet "wat werkt"', () => {
    const org = page('src/pages/organisaties/[id].astro');
    expect(org).toMatch(/practicesAndPlans\(cases\)/);
    expect(org).toMatch(/Plannen voor \$\{organisation\.name\}/);
    expect(org).toMatch(/\{practices\.map\(\(item\) => <li><CaseCard/);
    expect(page('src/pages/index.astro')).not.toContain('Zien wat werkt');
  });

  test('L1–L8: de verschoven en verbrede zinnen zijn weg', () => {
    const all = everything();
    for (const found of [
      'Hij bepaalt dan ook zelf hoeveel werk iemand kan doen',
      'een nieuw landelijk plan van het Rijk',
      'Het breed offensief is een landelijke aanpak;',
      'Klantmanagers werken meestal bij de gemeente.',
      'wil experimenteren met leerwerktrajecten."',
      'steunt de verdere groei van De Binnenbaan',
      'vooral voor mensen met een arbeidsbeperking',
    ]) {
      expect(all).not.toContain(found);
    }
    // L8: the discrimination page compares three programmes, not two.
    expect(body(caseById('discriminatie-op-het-werk-utrecht-nijmegen').file)).not.toContain("Beide programma's");
    // L2, L3: the background is there, labelled as general explanation.
    expect(body(caseById('iss-de-liemers-breed-offensief').file)).toMatch(/Algemene uitleg, niet uit het verslag: het breed offensief is een landelijke aanpak/);
    expect(body(caseById('albert-heijn-zaanstad').file)).toMatch(/Algemene uitleg, niet uit het verslag:\n\n- Een \*\*klantmanager\*\*/);
    // L4: the organisers' answer belongs to the talk show, not to the closing tip.
    expect(page('src/pages/over.astro')).toMatch(/tijdens een talkshow over goede voorbeelden[^“]*“al wordt het wiel/);
  });

  test('T1–T6: sectoren, doelgroepen, standpunten en bronnen die de bronnen niet dragen', () => {
    expect(caseById('albert-heijn-zaanstad').data.sectors).toEqual([]);
    expect(organisation('albert-heijn').sectors ?? []).toEqual([]);
    for (const id of ['asito-universiteit-utrecht', 'facilicom-buitengewoon']) expect(caseById(id).data.sectors, id).not.toContain('facilitair');
    for (const id of ['asito', 'facilicom']) expect(organisation(id).sectors ?? [], id).not.toContain('facilitair');
    // T4: the label says "50-plussers"; the Nijmegen programme gives no age.
    expect(labelOf(targetGroups, 'ouderen')).toMatch(/50/);
    expect(caseById('nijmegen-regionale-afspraken-over-werk').data.targetGroups).not.toContain('ouderen');
    // T6: the page says the report does not name the instrument, so the report is no source of it.
    const lks = instrumentById('loonkostensubsidie');
    expect(body(lks.file)).toMatch(/Het verslag noemt loonkostensubsidie zelf niet/);
    expect(lks.data.sources).not.toContain('werkconferentie-werkgevers-en-gemeenten.txt');
  });

  test('N1 en dekking: de DIF-reden in eigen woorden; Nijmegens proef en U-Stal hebben een plek', () => {
    expect(JSON.stringify(loadSourceRecords())).not.toContain('samenwerking met de Haagse Hogeschool en mbo Rijnland voortzetten');
    expect(body(instrumentById('basisbaan').file)).toMatch(/### Nijmegen: een proef naar het voorbeeld van Groningen/);
    expect(body(caseById('utrecht-50-plussers-van-werk-naar-werk').file)).toContain('[U-Stal](/organisaties/u-stal/)');
  });
});

// The fourth check against the five sources: what it found, kept fixed.
describe('vierde bronnencheck: het programma, niet de stad; uitgelicht is praktijk', () => {
  const page = (file: string) => readFileSync(file, 'utf8');
  const cities = 'Utrecht|Amsterdam|Zoetermeer|Nijmegen';
  const pages = () => [...readCases(), ...readInstruments()].map((p) => ({ id: p.id, all: text(p.file, p.data) }));

  test('M1: een stad is geen onderwerp van wat een programma wil of benadrukt', () => {
    // "**Utrecht** legt de nadruk…" as a list item, or "Utrecht wil…" / "Amsterdam en Zoetermeer zeggen…"
    // opening a sentence: the programme for the city is meant, so the text must say so.
    const boldCity = new RegExp(`(^|\\n)- \\*\\*(${cities})\\*\\* `);
    const citySubject = new RegExp(`(^|\\n|[.:!?] |\\*\\* )(${cities})( en (${cities}))? (wil|willen|legt|leggen|zoekt|zoeken|zegt|zeggen|noemt|noemen|kiest|vindt|vraagt)\\b`);
    for (const { id, all } of pages()) {
      expect(all, id).not.toMatch(boldCity);
      expect(all, id).not.toMatch(citySubject);
    }
    expect(body(caseById('bijstand-minder-controle-meer-vertrouwen').file)).toMatch(/\*\*Het programma voor Utrecht\*\* legt de nadruk/);
    expect(body(caseById('discriminatie-op-het-werk-utrecht-nijmegen').file)).toMatch(/\*\*Het programma van GroenLinks in Nijmegen\*\* legt de nadruk/);
  });

  test('M2: de uitgelichte praktijkvoorbeelden op de voorpagina zijn praktijk, nooit een plan (regel: isPlan)', () => {
    expect(page('src/pages/index.astro')).toMatch(/const featured = featuredPractices\(cases\)/);
    const cases = readCases().map((c) => ({ id: c.id, entry: { data: c.data } }));
    const shown = featuredPractices(cases);
    expect(shown.length).toBeGreaterThan(0);
    for (const item of shown) expect(isPlan(item.entry.data), item.id).toBe(false);
    expect(caseById('zaanstad-poelenbrug-wie-biedt').data.featured).toBe(false);
    // A plan marked as featured by mistake still stays off the list.
    const poelenbrug = caseById('zaanstad-poelenbrug-wie-biedt');
    expect(featuredPractices([{ id: poelenbrug.id, entry: { data: { ...poelenbrug.data, featured: true } } }])).toEqual([]);
  });

  test('T1: Amsterdam heeft geen standpunt over BBL en bedrijfsscholen (het programma noemt ze niet)', () => {
    const bbl = instrumentById('bbl-bedrijfsschool');
    expect(bbl.data.stances.map((s) => s.municipality)).toEqual(['zoetermeer']);
    expect(body(bbl.file)).toMatch(/De andere drie programma's noemen ze niet/);
  });
});

describe('bewust weggelaten onderwerpen en herkomst op het eerste scherm', () => {
  const leftOut = (id: string) => (loadSourceRecords().find((s) => s.id === id)!.leftOut ?? []).map((l) => l.topic);

  test('elke bron noemt de onderwerpen die de site bewust weglaat, met een reden', () => {
    expect(leftOut('utrecht-verkiezingsprogramma-werk.txt')).toEqual(['Sekswerk', 'Werk- en studieplekken in de stad']);
    expect(leftOut('nijmegen-groenlinks-programma-werk.txt')).toEqual(['Sekswerk']);
    expect(leftOut('amsterdam-verkiezingsprogramma-werk.txt')).toEqual(['Woningen voor leraren, politiemensen en verpleegkundigen']);
    expect(leftOut('zoetermeer-pvda-programma-2022-2026-werk.txt')).toEqual(['Dutch Innovation Factory', "Flexwerk en zzp'ers"]);
    for (const source of loadSourceRecords()) for (const item of source.leftOut ?? []) expect(item.reason, `${source.id}: ${item.topic}`).toMatch(/niet over/);
  });

  test.skipIf(!haveSourceTexts)(`een weggelaten onderwerp staat echt in de tekst${haveSourceTexts ? '' : ` (${noSourceTexts})`}`, () => {
    const inText: Record<string, string> = { Sekswerk: 'sekswerk', 'Werk- en studieplekken in de stad': 'werk- en studieplekken', 'Woningen voor leraren, politiemensen en verpleegkundigen': 'leraren, politiemensen en verpleegkundigen', 'Dutch Innovation Factory': 'dutch innovation factory', "Flexwerk en zzp'ers": 'flexibel arbeidscontract' };
    for (const source of loadSourceRecords()) {
      for (const item of source.leftOut ?? []) expect(sourceText(source.id).toLowerCase(), `${source.id}: ${item.topic}`).toContain(inText[item.topic]);
    }
  });

  test('een praktijkvoorbeeld dat alleen op verkiezingsprogramma’s rust, zegt dat in zijn samenvatting (het eerste scherm)', () => {
    const programmes = new Set(loadSourceRecords().filter((s) => s.kind === 'verkiezingsprogramma').map((s) => s.id));
    const onlyProgrammes = readCases().filter((c) => c.data.sources.length > 0 && c.data.sources.every((s) => programmes.has(s)));
    expect(onlyProgrammes.length).toBeGreaterThanOrEqual(9);
    for (const item of onlyProgrammes) {
      expect(item.data.summary, item.id).toMatch(/programma/);
      expect(item.data.evidence, item.id).toBe('ambitie');
      expect(item.data.outcomes, item.id).toEqual([]);
    }
  });
});

describe('titels van plannen', () => {
  test('de titel van een pagina die op verkiezingsprogramma’s rust, zegt dat (op kaarten en in zoekresultaten staat alleen de titel)', () => {
    const plansWithoutSay = readCases()
      .filter((c) => c.data.evidence === 'ambitie')
      .filter((c) => !/verkiezingsprogramma|volgens /i.test(c.data.title))
      .map((c) => `${c.id}: ${c.data.title}`);
    expect(plansWithoutSay).toEqual([]);
  });
});

describe('vijfde bronnencheck: kleine verschuivingen, uitleg met label, bijna-kopieën', () => {
  test('L1–L6: wat de bron niet zegt, staat er niet meer', () => {
    const bijstand = body(caseById('bijstand-minder-controle-meer-vertrouwen').file);
    // L1: "meedoen naar vermogen" closes §4.1; it is no motto over the chapter.
    expect(bijstand).not.toContain('Boven het hele hoofdstuk');
    // L2: the job is "volwaardig", the pay is "fatsoenlijk".
    expect(JSON.stringify(instrumentById('basisbaan').data)).not.toContain('volwaardig salaris');
    expect(JSON.stringify(instrumentById('basisbaan').data)).toContain('fatsoenlijk inkomen');
    // L3: the source does not say who agreed on the ~1,000 garantiebanen.
    expect(text(instrumentById('garantiebanen').file, instrumentById('garantiebanen').data)).not.toMatch(/afspra(ak|ken) met werkgevers|met werkgevers afgesproken/);
    // L4: the focus on rest and regularity belongs to the collaboration, not to Albert Heijn.
    expect(caseById('albert-heijn-zaanstad').data.summary).not.toContain('koos het');
    // L5: nothing in the source compares speed.
    expect(caseById('landelijke-inclusieve-activiteitenkalender').data.summary).not.toContain('sneller');
    // L6: the werkcoöperaties are for the unemployed; the source does not tie them to 55-plussers.
    expect(caseById('amsterdam-55-plussers-en-werkcooperaties').data.title).not.toMatch(/55-plussers[^,]*, met werkcoöperaties/);
    const amsterdam = loadSourceRecords().find((s) => s.id === 'amsterdam-verkiezingsprogramma-werk.txt')!;
    expect(amsterdam.supports).not.toMatch(/55-plussers \([^)]*werkcoöperaties/);
  });

  test('L7: uitleg die niet uit de bron komt, heeft een label, ook midden in een bewering uit de bron', () => {
    const labelled: [string, RegExp][] = [
      ['bijstand-minder-controle-meer-vertrouwen', /Een tegenprestatie is iets wat je moet doen in ruil voor je uitkering\. Algemene uitleg/],
      ['bijstand-minder-controle-meer-vertrouwen', /die werkzoekenden begeleidt \(algemene uitleg\)/],
      ['bijstand-minder-controle-meer-vertrouwen', /past bij één persoon \(algemene uitleg\)/],
      ['zaanstad-poelenbrug-wie-biedt', /Algemene uitleg, niet uit het verslag: iemand met een afstand tot de arbeidsmarkt komt om verschillende redenen/],
      ['zaanstad-poelenbrug-wie-biedt', /om steun vraagt \(algemene uitleg\)/],
      ['albert-heijn-zaanstad', /op het gebied van werk \(algemene uitleg\)/],
      ['werkconferentie-werkgevers-en-gemeenten', /idee of een probleem \(algemene uitleg\)/],
      ['werkconferentie-werkgevers-en-gemeenten', /waar iedereen mee kan doen\. Algemene uitleg/],
      ['nijmegen-jongerenpact', /heet een aanbesteding \(algemene uitleg\)/],
      ['discriminatie-op-het-werk-utrecht-nijmegen', /verschillende achtergronden \(algemene uitleg\)/],
    ];
    for (const [id, gloss] of labelled) expect(body(caseById(id).file), id).toMatch(gloss);
    // The glosses no longer sit inside a sentence credited to the source.
    expect(body(caseById('bijstand-minder-controle-meer-vertrouwen').file)).not.toMatch(/tegenprestatie\. Dat is iets wat je moet doen/);
    expect(body(caseById('zaanstad-poelenbrug-wie-biedt').file)).not.toMatch(/arbeidsmarkt\. Dat betekent: ze komen om verschillende redenen/);
  });

  test('L8, L9: geen verzonnen vindplaats van het verslag; de feed zegt dat er plannen in staan', () => {
    const hints = readFileSync('src/components/editor/SourceEditorForm.astro', 'utf8');
    expect(hints).not.toMatch(/vng\.nl|bij de VNG/);
    expect(readFileSync('src/pages/rss.xml.ts', 'utf8')).toMatch(/plannen uit verkiezingsprogramma's/);
  });

  test('N1, N2: de twee bijna-kopieën zijn in eigen woorden', () => {
    expect(body(caseById('bijstand-minder-controle-meer-vertrouwen').file)).not.toMatch(/tijdelijk steun nodig hebben, te vaak met wantrouwen worden benaderd/);
    expect(readFileSync('scripts/demo-marketplace.ts', 'utf8')).not.toContain('zorgen het Werkbedrijf en de gemeente samen met bedrijven en organisaties uit de regio');
  });

  test('S1: de samenvatting van ISS zegt wat het breed offensief is, zonder "de Kamer"', () => {
    const summary = caseById('iss-de-liemers-breed-offensief').data.summary;
    expect(summary).not.toMatch(/Kamer|staatssecretaris/);
    expect(summary).toMatch(/^Het breed offensief is een landelijke aanpak om meer mensen met een beperking aan werk te helpen \(algemene uitleg\)\. ISS en Sociale dienst De Liemers dachten erover mee\./);
  });
});

describe('zesde bronnencheck: doel, criterium, bewijslabel, doelgroep, gewone taal, demo', () => {
  test('L1: het platform in Utrecht is voor diversiteit; discriminatie bestrijdt het programma met bedrijven en scholen', () => {
    const summary = caseById('discriminatie-op-het-werk-utrecht-nijmegen').data.summary;
    expect(summary).not.toMatch(/platform[^.]*tegen discriminatie/);
    // Reworded in plain language (fact-check 7, S1): the platform is the two working together.
    expect(summary).toMatch(/Het programma voor Utrecht wil met bedrijven en scholen discriminatie tegengaan\. Gemeente en bedrijven moeten samen zorgen voor meer verschillende mensen op het werk\./);
  });

  test('L2: bij sociaal inkopen telt sociaal ondernemen in de praktijk, niet een "aantoonbaar sociaal beleid"', () => {
    const page = instrumentById('sociaal-inkopen');
    expect(text(page.file, page.data)).not.toContain('aantoonbaar sociaal beleid');
    // In own words since fact-check 7 (N1): still the practice, not a policy on paper.
    expect(page.data.stances.find((s) => s.municipality === 'zoetermeer')!.statement).toMatch(/in hun dagelijkse werk laten zien dat ze sociaal verantwoord ondernemen/);
  });

  test('L3: op een pagina met de status "Bereikt volgens de partij" zegt het bewijslabel dat het een bewering is, geen ambitie (regel: evidenceBadge)', () => {
    for (const id of ['nijmegen-regionale-afspraken-over-werk', 'nijmegen-jongerenpact']) {
      const { evidence, status } = caseById(id).data;
      expect(status, id).toBe('geclaimd');
      expect(evidenceBadge(evidence, status).label, id).toBe('Bewering van de partij');
      // Still a plan: off the map, listed apart.
      expect(isPlan({ evidence, status }), id).toBe(true);
    }
    // Every case page, card and map entry passes its status to the badge.
    for (const file of ['src/components/CaseArticle.astro', 'src/components/CaseCard.astro', 'src/layouts/templates/PracticeMap.astro']) {
      for (const use of readFileSync(file, 'utf8').match(/<EvidenceBadge [^>]*\/>/g) ?? []) expect(use, file).toMatch(/status=\{/);
    }
  });

  test('L4: het verslag zegt niet dat Facilicom en Buitengewoon "zelf" de weg naar de wijkteams vonden', () => {
    expect(body(caseById('facilicom-buitengewoon').file)).not.toContain('zelf de weg naar de wijkteams');
  });

  test('T1: BBL en bedrijfsscholen heeft de doelgroep leerlingen, niet jongeren (het programma spreekt van BBL-leerlingen)', () => {
    expect(instrumentById('bbl-bedrijfsschool').data.targetGroups).toEqual(['leerlingen']);
  });

  test('S1, S2: het SEBO-keurmerk en De Binnenbaan zijn uitgelegd in de samenvatting', () => {
    const inkopen = instrumentById('sociaal-inkopen').data.summary;
    expect(inkopen).toContain('een keurmerk voor sociaal ondernemen (SEBO)');
    expect(inkopen).not.toMatch(/zo in dat/);
    expect(instrumentById('werkgevers-service-punt').data.summary).toContain('het werkbedrijf De Binnenbaan');
  });

  test('D1: de lijst met pitches zegt het als alles wat er staat demo is, met de woorden van demo-marks', () => {
    expect(readFileSync('src/pages/pitches/index.astro', 'utf8')).toMatch(/pitchListHeading\(/);
    expect(readFileSync('src/pages/pitches/index.astro', 'utf8')).not.toContain('>Pitches van gemeenten<');
    const onlyDemo = pitchListHeading([{ demo: true }, { demo: true }]);
    expect(`${onlyDemo.heading} ${onlyDemo.lead}`).not.toMatch(/Pitches van gemeenten|Gemeenten vragen/);
  });

  test('D2: de pagina "Ik doe mee" noemt een demopitch niet "een pitch van" de gemeente', () => {
    const offerPage = readFileSync('src/layouts/templates/OfferPage.astro', 'utf8');
    expect(offerPage).toMatch(/pitch\.demo \? demoPitchNotice\(pitch\.municipalityName\)/);
    expect(offerPage).not.toMatch(/<p class="pp-lead"[^>]*>Een pitch van/);
  });

  test('kleine punten: "hoe" zoals de bron, wat het breed offensief is, de uitkering, afkortingen met label', () => {
    expect(body(caseById('asito-universiteit-utrecht').file)).toMatch(/onderzocht hoe dezelfde stagiairs/);
    expect(body(caseById('iss-de-liemers-breed-offensief').file)).not.toContain('wat er precies in staat');
    expect(caseById('amsterdam-55-plussers-en-werkcooperaties').data.summary).toMatch(/Lukt werken niet, dan wil het vrijwilligerswerk/);
    expect(organisation('uwv').description).toMatch(/^Uitvoeringsinstituut Werknemersverzekeringen, [^.]*\(algemene uitleg\)\./);
    expect(organisation('vng').description).toMatch(/^Vereniging van Nederlandse Gemeenten \(algemene uitleg\)\./);
  });
});

describe('zevende bronnencheck: doelgroep, werkplek, plannen apart, bronnen bij elk feit, eigen woorden, gewone taal', () => {
  test('L1: het programma in Zoetermeer noemt een "mentale" beperking; de pagina kiest niet voor "psychische"', () => {
    const page = body(caseById('discriminatie-op-het-werk-utrecht-nijmegen').file);
    expect(page).toContain('mensen met een lichamelijke of mentale beperking');
    expect(page).not.toContain('psychische beperking');
  });

  test('L2: Asito en de UU werkten aan een werkplek op de universiteit, niet aan "een inclusievere universiteit"', () => {
    const summary = caseById('asito-universiteit-utrecht').data.summary;
    // The eighth check (S1) put "inclusievere" in plain words; the workplace stays the subject.
    expect(summary).toContain('aan de werkplek op de universiteit');
    expect(summary).not.toContain('een inclusievere universiteit');
  });

  test('L3: een casuspagina zet verwante plannen onder een eigen kop, met dezelfde regel (relatedPracticesAndPlans)', () => {
    const article = readFileSync('src/components/CaseArticle.astro', 'utf8');
    expect(article).toMatch(/items: related\.practices\b/);
    expect(article).toMatch(/heading: 'Verwante plannen'/);
    for (const page of ['src/pages/praktijkvoorbeelden/[id].astro', 'src/pages/beheer/inhoud/concept/[draftId]/voorbeeld.astro']) {
      expect(readFileSync(page, 'utf8'), page).toMatch(/relatedPracticesAndPlans\(/);
    }
  });

  test('L4: de startpagina telt praktijkvoorbeelden en plannen apart', () => {
    const home = readFileSync('src/pages/index.astro', 'utf8');
    expect(home).toMatch(/practicesAndPlansText\(practiceAndPlanCount\(cases\)\)/);
    expect(home).not.toMatch(/countCases\(cases\.length\)/);
  });

  test('T1: een instrumentpagina noemt de bron van elk feit; wat ze niet noemt, staat er alleen als link', () => {
    const loon = instrumentById('loonkostensubsidie');
    expect(loon.data.sources).toContain('amsterdam-verkiezingsprogramma-werk.txt');
    expect(body(loon.file)).toMatch(/Het programma voor Amsterdam staat bij de bronnen voor dat ene punt/);
    // The report stays uncited (T6 above), so the page restates nothing from it: only the link.
    expect(body(loon.file)).not.toMatch(/kwam een experiment uit Zwolle aan bod|regie over jobcoaching/);
    expect(instrumentById('garantiebanen').data.sources).toEqual(['amsterdam-verkiezingsprogramma-werk.txt']);
    expect(body(instrumentById('garantiebanen').file)).not.toMatch(/noemen daarvoor andere wegen/);
    const bbl = instrumentById('bbl-bedrijfsschool');
    expect(bbl.data.sources).not.toContain('werkconferentie-werkgevers-en-gemeenten.txt');
    expect(body(bbl.file)).not.toMatch(/liepen leerlingen van praktijkscholen stage|kandidaten opgeleid/);
  });

  test('N1: het standpunt over SEBO in Zoetermeer is in eigen woorden', () => {
    const statement = instrumentById('sociaal-inkopen').data.stances.find((s) => s.municipality === 'zoetermeer')!.statement;
    expect(statement).not.toMatch(/sociaal verantwoord ondernemen echt in de praktijk brengen/);
    expect(body(instrumentById('sociaal-inkopen').file)).not.toMatch(/sociaal ondernemen ook echt in de praktijk brengen/);
  });

  test('S1: de samenvatting over discriminatie begint geen zin met "Dat voor/van" en legt het platform uit', () => {
    const summary = caseById('discriminatie-op-het-werk-utrecht-nijmegen').data.summary;
    expect(summary).not.toMatch(/(^|\. )Dat (voor|van) /);
    expect(summary).not.toContain('platform voor diversiteit');
    expect(summary.length).toBeLessThanOrEqual(300);
  });

  test('kleine punten: vrije keuze is "niet verplicht", overstap in beide richtingen, wensen als wens, mensen boven de 55, demo-woorden', () => {
    const basisbaan = body(instrumentById('basisbaan').file);
    expect(basisbaan).toMatch(/vrije keuze: niemand hoeft zo'n baan verplicht aan te nemen/);
    expect(basisbaan).not.toContain('Elke baan past het programma aan');
    expect(body(instrumentById('beschut-werk').file)).toMatch(/overstappen tussen dagbesteding en beschut of begeleid werk/);
    expect(caseById('amsterdam-jongeren-diploma-stage-werk').data.summary).toMatch(/teams in de wijk moeten jongeren op weg helpen/);
    expect(body(instrumentById('werkgevers-service-punt').file)).not.toContain('Zo brengen zij zelf');
    expect(body(caseById('nijmegen-jongerenpact').file)).not.toContain('heeft Nijmegen al een Jongerenpact');
    expect(body(caseById('amsterdam-55-plussers-en-werkcooperaties').file)).not.toContain('veel Amsterdammers boven de 55');
    expect(caseById('werkconferentie-werkgevers-en-gemeenten').data.summary).not.toContain('(grotere gemeenten in een regio)');
    expect(readFileSync('src/pages/over.astro', 'utf8')).toMatch(/een bewering van de partij zelf/);
    expect(readFileSync('src/layouts/templates/OfferPage.astro', 'utf8')).toMatch(/door naar \{offerRecipient\(pitch\.demo\)\}/);
    for (const file of ['src/pages/index.astro', 'src/pages/zoeken.astro', 'src/pages/pitches/kaart.astro']) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/Gemeenten vragen om|pitches van gemeenten|gemeenten werkgevers vragen/);
    }
  });
});

describe('achtste bronnencheck: plannen geteld als plan, bronnen bij elk feit, gewone taal', () => {
  test('L1: de lijst met praktijkvoorbeelden telt praktijkvoorbeelden en plannen apart, ook wat gevonden is', () => {
    const list = readFileSync('src/pages/praktijkvoorbeelden/index.astro', 'utf8');
    expect(list).toMatch(/practicesAndPlansText\(practiceAndPlanCount\(results\)\)/);
    expect(list).not.toMatch(/countCases\(results\.length\)/);
  });

  test('L2: de kaart zet "(plan)" ook achter een plan zonder vaste gemeente', () => {
    const map = readFileSync('src/layouts/templates/PracticeMap.astro', 'utf8');
    const withoutPlace = map.slice(map.indexOf('Zonder vaste gemeente'));
    expect(withoutPlace).toMatch(/isPlan\(planFacts\(c\)\) && <span class="pp-muted"> \(plan\)<\/span>/);
    expect(isPlan(caseById('landelijke-inclusieve-activiteitenkalender').data)).toBe(true);
  });

  test('klein punt: de link van een gekozen plaats naar de lijst noemt plannen als die erbij zitten', () => {
    const map = readFileSync('src/layouts/templates/PracticeMap.astro', 'utf8');
    expect(map).toContain("'Deze praktijkvoorbeelden en plannen'} in de lijst, met filters");
    expect(map).not.toContain('>Deze praktijkvoorbeelden in de lijst, met filters<');
  });

  test('L3: de Amsterdamse jongerenpagina rust alleen op het programma en noemt Asito en de UU alleen als link', () => {
    const page = caseById('amsterdam-jongeren-diploma-stage-werk');
    expect(page.data.sources).toEqual(['amsterdam-verkiezingsprogramma-werk.txt']);
    expect(body(page.file)).toContain('Zie bijvoorbeeld de pagina over [Asito en de Universiteit Utrecht](/praktijkvoorbeelden/asito-universiteit-utrecht/).');
    expect(body(page.file)).not.toMatch(/praktijkscholen stage|stagiairs/i);
  });

  test('L4: de Amsterdamse 55-pluspagina rust alleen op het programma en noemt het Utrechtse plan alleen als link', () => {
    const page = caseById('amsterdam-55-plussers-en-werkcooperaties');
    expect(page.data.sources).toEqual(['amsterdam-verkiezingsprogramma-werk.txt']);
    expect(body(page.file)).toContain('Zie ook de pagina over [hulp van werk naar werk in Utrecht](/praktijkvoorbeelden/utrecht-50-plussers-van-werk-naar-werk/).');
    expect(body(page.file)).not.toMatch(/programma voor Utrecht heeft/);
  });

  test('L5: het weekoverzicht noemt een nieuw plan een plan (caseNewsNote met isPlan)', () => {
    const news = readFileSync('src/features/follows/news-sources.ts', 'utf8');
    expect(news).toMatch(/isPlan\(item\) \? 'Nieuw plan' : 'Nieuw praktijkvoorbeeld'/);
    expect(news).toMatch(/note: caseNewsNote\(item\)/);
  });

  test('S1: de samenvatting over Asito en de UU zegt "inclusiever" in gewone woorden', () => {
    const summary = caseById('asito-universiteit-utrecht').data.summary;
    expect(summary).not.toMatch(/inclusie/i);
    expect(summary).toContain('Daar moeten meer mensen een kans krijgen.');
    expect(summary.length).toBeLessThanOrEqual(300);
  });
});
