/**
 * The sources (/bronnen/) as open data: every text the content rests on, what kind of text it is
 * and what weight its claims carry, its date as the text gives it, where to read it, and which
 * pages of Praktijkplein cite it. A report's list of participants (which names people) stays on
 * the source's page and out of the data.
 */
import { z } from 'astro/zod';
import { getCitations, getSourceRecords } from '#features/catalog/source-pages.ts';
import { sourceKinds } from '#features/catalog/source-kinds.ts';
import { compareSources, sourceDateText, sourceHref, sourceName, sourceSlug, type SourceDateRecord } from '#features/catalog/sources.ts';
import { defineDataset } from '../dataset.ts';
import { unfiltered } from './shared.ts';
import { count, id, optionalAddress, optionalText, siteAddress, text, texts } from '../fields.ts';

const row = z.object({
  id: id('Het deel van het adres na /bronnen/.'),
  naam: text('Naam', 'Hoe Praktijkplein de bron noemt: de bijeenkomst van een verslag, anders de uitgever.'),
  titel: text('Titel', 'De titel van de tekst.'),
  uitgever: text('Uitgever', 'Wie de tekst uitbracht, zoals de tekst het zegt.'),
  soort: text('Soort tekst', 'Bijvoorbeeld een verslag van een bijeenkomst of een verkiezingsprogramma van een partij.'),
  gewicht: text('Gewicht', 'Wat dat voor soort tekst zegt over het gewicht van wat erin staat.'),
  datum: text('Datum', 'De datum van de tekst zoals de tekst hem geeft, of "datum onbekend".'),
  datumIso: optionalText('Datum (ISO)', 'Dezelfde datum als JJJJ-MM-DD, JJJJ-MM of JJJJ, of MM-DD als de tekst geen jaartal noemt.'),
  bijeenkomst: optionalText('Bijeenkomst', 'De bijeenkomst waar een verslag over gaat.'),
  bijeenkomstDatum: optionalText('Datum van de bijeenkomst', 'De datum van die bijeenkomst zoals het verslag hem geeft.'),
  plaats: optionalText('Plaats', 'Waar de bijeenkomst was, als het verslag dat noemt.'),
  gastheren: texts('Te gast bij', 'Bij wie de deelnemers van de bijeenkomst te gast waren.'),
  waarvoor: text('Waarvoor gebruikt', 'Wat de bron op Praktijkplein onderbouwt.'),
  toelichting: optionalText('Toelichting', 'Wat de tekst openlaat, zoals wie hem schreef of van welk jaar hij is.'),
  weggelaten: texts('Bewust weggelaten', 'Onderwerpen uit de tekst waar Praktijkplein met opzet geen pagina over heeft; de reden staat op de pagina van de bron.'),
  webadres: optionalAddress('Webadres', 'Waar de tekst op internet staat, als dat zo is.'),
  vindplaats: optionalText('Vindplaats', 'Waar de tekst te vinden is als hij niet op internet staat.'),
  gebruiktOp: count('Gebruikt op', 'Hoeveel pagina’s van Praktijkplein op de bron steunen.'),
  paginas: texts('Pagina’s', 'De adressen van die pagina’s.'),
  adres: siteAddress('de bron'),
});
type SourceRow = z.infer<typeof row>;

const isoOf = (date: SourceDateRecord) => (date === 'onbekend' ? null : (date.iso ?? null));

async function rows(origin: string): Promise<SourceRow[]> {
  const [sources, citations] = await Promise.all([getSourceRecords(), getCitations()]);
  return [...sources.values()].sort(compareSources).map((source) => {
    const citing = citations.get(source.id) ?? [];
    return {
      id: sourceSlug(source.id),
      naam: sourceName(source),
      titel: source.title,
      uitgever: source.publisher,
      soort: sourceKinds[source.kind].label,
      gewicht: sourceKinds[source.kind].weight,
      datum: sourceDateText(source.date),
      datumIso: isoOf(source.date),
      bijeenkomst: source.event?.name ?? null,
      bijeenkomstDatum: source.event ? sourceDateText(source.event.date) : null,
      plaats: source.event?.place ?? null,
      gastheren: source.event?.hosts ?? [],
      waarvoor: source.supports,
      toelichting: source.note ?? null,
      weggelaten: (source.leftOut ?? []).map((item) => item.topic),
      webadres: source.url ?? null,
      vindplaats: source.location ?? null,
      gebruiktOp: citing.length,
      paginas: citing.map((citation) => `${origin}${citation.href}`),
      adres: `${origin}${sourceHref(source.id)}`,
    };
  });
}

export const bronnen = defineDataset({
  name: 'bronnen',
  title: 'Bronnen',
  description: 'De teksten waarop de praktijkvoorbeelden, instrumenten en organisaties van Praktijkplein rusten: wat voor tekst elk is, van wanneer, waar te lezen en welke pagina’s erop steunen.',
  listPath: '/bronnen/',
  row,
  // The list page has no filters.
  ...unfiltered(rows, (item) => item.id),
});
