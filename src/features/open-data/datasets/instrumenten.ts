/**
 * The instruments (/instrumenten/) as open data, one row per stance: which municipality's source
 * says what about which instrument, with that source named. A researcher filters the column
 * Gemeente to compare cities side by side, as an instrument page does. An instrument without a
 * stance still has one row, with the stance's fields empty. The stances come from election
 * programmes: what a party wants, not what the municipality decided; the column Soort bewijs says so.
 */
import { z } from 'astro/zod';
import { evidenceBadge, labelOf, targetGroups } from '#domain/facets.ts';
import { instrumentUse } from '#features/catalog/practices-and-plans.ts';
import { getCases, getInstruments, getOrganisations, getSources } from '#features/catalog/queries.ts';
import { sourceFileId, sourceHref, sourceName } from '#features/catalog/sources.ts';
import { defineDataset } from '../dataset.ts';
import { isoDay, unfiltered } from './shared.ts';
import { count, day, id, optionalAddress, optionalDay, optionalText, siteAddress, text, texts } from '../fields.ts';

const row = z.object({
  id: id('Het instrument, een punt en de gemeente van het standpunt ("basisbaan.utrecht"); alleen het instrument als het geen standpunt heeft.'),
  instrument: text('Instrument', 'Het deel van het adres na /instrumenten/.'),
  titel: text('Titel', 'De naam van het instrument.'),
  samenvatting: text('Samenvatting', 'Wat het instrument is, in eenvoudig Nederlands.'),
  doelgroepen: texts('Doelgroepen', 'Voor wie het instrument is, zoals de bronnen het beschrijven.'),
  gebruiktInPraktijkvoorbeelden: count('Gebruikt in praktijkvoorbeelden', 'Hoeveel praktijkvoorbeelden op Praktijkplein het instrument gebruiken.'),
  genoemdInPlannen: count('Genoemd in plannen', 'Hoeveel plannen (ambities, voorstellen) op Praktijkplein het instrument noemen.'),
  gemeente: optionalText('Gemeente', 'De gemeente waar het standpunt over gaat.'),
  gemeenteCode: optionalText('CBS-code gemeente', 'De code van die gemeente bij het CBS (GM0000).'),
  standpunt: optionalText('Standpunt', 'Wat de bron voor deze gemeente over het instrument zegt, in de woorden van Praktijkplein.'),
  bewijs: optionalText('Soort bewijs', 'Wat voor uitspraak het is, bijvoorbeeld een uitgesproken ambitie in een verkiezingsprogramma (een plan van een partij, geen besluit van de gemeente).'),
  bron: optionalText('Bron', 'De tekst waar het standpunt uit komt.'),
  bronAdres: optionalAddress('Adres van de bron', 'De pagina van die bron op Praktijkplein, met wat de bron is en waar ze te lezen is.'),
  bronnen: texts('Bronnen van het instrument', 'Alle teksten waar de pagina van het instrument op rust.'),
  gepubliceerd: day('Gepubliceerd', 'De dag waarop de pagina van het instrument op Praktijkplein kwam.'),
  bijgewerkt: optionalDay('Bijgewerkt', 'De dag van de laatste inhoudelijke wijziging van die pagina, als die er was.'),
  adres: siteAddress('het instrument'),
});
type InstrumentRow = z.infer<typeof row>;

async function rows(origin: string): Promise<InstrumentRow[]> {
  const [instruments, cases, organisations, sources] = await Promise.all([getInstruments(), getCases(), getOrganisations(), getSources()]);
  const nameOfSource = (cited: string) => {
    const source = sources.get(sourceFileId(cited));
    return source ? sourceName(source) : cited;
  };
  return instruments.flatMap((instrument): InstrumentRow[] => {
    const data = instrument.data;
    const use = instrumentUse(cases, instrument.id);
    const shared = {
      instrument: instrument.id,
      titel: data.title,
      samenvatting: data.summary,
      doelgroepen: data.targetGroups.map((value) => labelOf(targetGroups, value)),
      gebruiktInPraktijkvoorbeelden: use.practices,
      genoemdInPlannen: use.plans,
      bronnen: data.sources.map(nameOfSource),
      gepubliceerd: isoDay(data.published)!,
      bijgewerkt: data.updated ? isoDay(data.updated) : null,
      adres: `${origin}/instrumenten/${instrument.id}/`,
    };
    if (data.stances.length === 0) {
      return [{ id: instrument.id, ...shared, gemeente: null, gemeenteCode: null, standpunt: null, bewijs: null, bron: null, bronAdres: null }];
    }
    const seen = new Map<string, number>();
    return data.stances.map((stance) => {
      // Two stances of one municipality (from two sources) keep apart: the second is ".2".
      const nth = (seen.get(stance.municipality) ?? 0) + 1;
      seen.set(stance.municipality, nth);
      const municipality = organisations.get(stance.municipality);
      return {
        id: `${instrument.id}.${stance.municipality}${nth > 1 ? `.${nth}` : ''}`,
        ...shared,
        gemeente: municipality?.name ?? stance.municipality,
        gemeenteCode: municipality?.code ?? null,
        standpunt: stance.statement,
        bewijs: evidenceBadge(stance.evidence).label,
        bron: nameOfSource(stance.source),
        bronAdres: `${origin}${sourceHref(sourceFileId(stance.source))}`,
      };
    });
  });
}

export const instrumenten = defineDataset({
  name: 'instrumenten',
  title: 'Instrumenten en wat de bronnen per gemeente erover zeggen',
  description: 'De instrumenten voor inclusief werk (basisbaan, loonkostensubsidie, jobcoaching en meer), met per gemeente wat haar bron erover zegt, de soort uitspraak en die bron; één regel per standpunt.',
  listPath: '/instrumenten/',
  row,
  // The list page has no filters.
  ...unfiltered(rows, (item) => item.id),
});
