/**
 * The activity calendar (/activiteiten/) as open data: every published activity, and every
 * cancelled one marked as such, with the list's filters. Without `wanneer` it holds both the
 * coming and the past activities (the list page shows one of them at a time, and its download
 * links say which). Times are Amsterdam time with their offset. E-mail addresses typed into the
 * texts are left out (public-text.ts); who submitted it is not in it.
 */
import { z } from 'astro/zod';
import {
  activityFacetParams,
  activityPeriods,
  activityQueryToSearchParams,
  parseActivityQuery,
  type ActivityFacetKey,
  type ActivityFilter,
  type ActivityPeriod,
} from '#domain/activity-filter.ts';
import { activityAudiences, activityKinds } from '#domain/activity-vocabulary.ts';
import { amsterdamIsoDateTime, spanDays } from '#domain/amsterdam-time.ts';
import { withDemoMark } from '#domain/demo-marks.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { activityFilterVocabularies, publicActivities, publicActivity, type ActivityView } from '#features/activities/activity-list.ts';
import { pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { clock } from '#platform/context.ts';
import { defineDataset, type FilterParameter } from '../dataset.ts';
import { parseFiltersWith } from '../filter-parameters.ts';
import { day, demo, id, instant, oneOf, optionalInstant, optionalAddress, optionalText, siteAddress, text, texts, yesNo } from '../fields.ts';
import { withoutEmailAddresses } from '../public-text.ts';
import { labelsIn, latestInstant } from './shared.ts';

const row = z.object({
  id: id('Het deel van het adres na /activiteiten/.'),
  titel: text('Titel', 'De naam van de activiteit; bij een demo-activiteit met "(demo)" erachter.'),
  soort: text('Soort', 'Kennismaking, werkconferentie, open dag bij een inclusieve werkgever of een andere activiteit.'),
  omschrijving: text('Omschrijving', 'Wat er te doen is, in de woorden van de organisator; e-mailadressen zijn weggelaten.'),
  begin: instant('Begin', 'Wanneer het begint, in Nederlandse tijd met de afwijking van UTC.'),
  einde: instant('Einde', 'Wanneer het afloopt; bij een activiteit van hele dagen middernacht na de laatste dag.'),
  heleDag: yesNo('Hele dag', 'Ja: de activiteit duurt hele dagen, zonder tijden.'),
  eersteDag: day('Eerste dag', 'De eerste dag van de activiteit.'),
  laatsteDag: day('Laatste dag', 'De laatste dag van de activiteit.'),
  plaats: optionalText('Plaats', 'Adres of plaats; leeg voor een activiteit die alleen online is.'),
  gemeente: optionalText('Gemeente', 'De gemeente van die plaats, als Praktijkplein die herkent.'),
  provincie: optionalText('Provincie', 'De provincie van die gemeente.'),
  arbeidsmarktregio: optionalText('Arbeidsmarktregio', 'De arbeidsmarktregio van die gemeente.'),
  online: yesNo('Online', 'Ja: online mee te doen.'),
  onlineAdres: optionalAddress('Online adres', 'De link om online mee te doen.'),
  organisator: text('Organisator', 'Wie de activiteit organiseert, zoals de pagina het noemt.'),
  voorWie: texts('Voor wie', 'Voor wie de activiteit bedoeld is.'),
  doelgroepen: texts('Doelgroepen', 'Over welke doelgroepen het gaat.'),
  sectoren: texts('Sectoren', 'Over welke sectoren het gaat.'),
  status: oneOf(['gepland', 'geannuleerd'], 'Status', 'gepland, of geannuleerd (een geannuleerde activiteit blijft in de lijst, zodat niemand voor niets komt).'),
  redenAnnulering: optionalText('Reden van annulering', 'Waarom de activiteit niet doorgaat, als de organisator dat zei.'),
  gepubliceerd: optionalInstant('Gepubliceerd', 'Wanneer de activiteit in de kalender kwam (Nederlandse tijd).'),
  bijgewerkt: instant('Bijgewerkt', 'Wanneer de activiteit voor het laatst veranderde (Nederlandse tijd).'),
  demo: demo(),
  adres: siteAddress('de activiteit'),
});
type ActivityRow = z.infer<typeof row>;

/** The list page's filters, and its period. */
interface ActivityFilters {
  filter: ActivityFilter;
  /** komend or voorbij as the page asks; null (no `wanneer`) for both. */
  period: ActivityPeriod | null;
}

const descriptions: Record<ActivityFacetKey, string> = {
  kinds: 'Alleen activiteiten van deze soort.',
  audiences: 'Alleen activiteiten voor deze groep.',
  online: 'ja: alleen activiteiten die online mee te doen zijn.',
  provinces: 'Alleen activiteiten in deze provincie.',
  regions: 'Alleen activiteiten in deze arbeidsmarktregio.',
  municipalities: 'Alleen activiteiten in deze gemeente.',
  targetGroups: 'Alleen activiteiten over deze doelgroep.',
  sectors: 'Alleen activiteiten over deze sector.',
};

// In the order of the list page's filter column, then the period it shows.
const order: ActivityFacetKey[] = ['kinds', 'audiences', 'online', 'provinces', 'regions', 'municipalities', 'targetGroups', 'sectors'];
const periodLabels: Record<ActivityPeriod, string> = { komend: 'Komende activiteiten (nog niet afgelopen)', voorbij: 'Voorbije activiteiten' };
const filterParameters: FilterParameter[] = [
  ...order.map((key) => ({
    name: activityFacetParams[key],
    description: `${descriptions[key]} Meer waarden: activiteiten met een van die waarden.`,
    repeatable: true,
    values: () => activityFilterVocabularies()[key],
  })),
  {
    name: 'wanneer',
    description: 'komend: alleen wat nog niet afgelopen is; voorbij: alleen wat afgelopen is. Zonder: allebei.',
    repeatable: false,
    values: () => activityPeriods.map((id) => ({ id, label: periodLabels[id] })),
  },
];

function readFilters(params: URLSearchParams): ActivityFilters {
  const { filter, period } = parseActivityQuery(params, pitchPlaces().vocabulary);
  return { filter, period: params.has('wanneer') ? period : null };
}


function toRow(activity: ActivityView, origin: string): ActivityRow {
  const places = pitchPlaces().options;
  const areaName = (list: { id: string; label: string }[], areaId: string | null) => (areaId ? (list.find((area) => area.id === areaId)?.label ?? areaId) : null);
  const { first, last } = spanDays(activity);
  return {
    id: activity.id,
    titel: withDemoMark(activity.title, activity.demo),
    soort: labelsIn(activityKinds)([activity.kind])[0]!,
    omschrijving: withoutEmailAddresses(activity.description),
    begin: amsterdamIsoDateTime(activity.startsAt),
    einde: amsterdamIsoDateTime(activity.endsAt),
    heleDag: activity.allDay,
    eersteDag: first,
    laatsteDag: last,
    plaats: activity.place,
    gemeente: activity.municipalityName,
    provincie: areaName(places.provinces, activity.province),
    arbeidsmarktregio: areaName(places.regions, activity.region),
    online: activity.online,
    onlineAdres: activity.onlineUrl,
    organisator: activity.organiserName,
    voorWie: labelsIn(activityAudiences)(activity.audiences),
    doelgroepen: labelsIn(targetGroups)(activity.targetGroups),
    sectoren: labelsIn(sectors)(activity.sectors),
    status: activity.status === 'cancelled' ? 'geannuleerd' : 'gepland',
    redenAnnulering: activity.cancelReason === null ? null : withoutEmailAddresses(activity.cancelReason),
    gepubliceerd: activity.publishedAt === null ? null : amsterdamIsoDateTime(activity.publishedAt),
    bijgewerkt: amsterdamIsoDateTime(activity.updatedAt),
    demo: activity.demo,
    adres: `${origin}${activity.path}`,
  };
}

export const activiteiten = defineDataset({
  name: 'activiteiten',
  title: 'Activiteiten',
  description: 'De activiteitenkalender: kennismakingen, werkconferenties en open dagen over inclusief werk, met tijd, plaats, voor wie en status; komende en voorbije.',
  listPath: '/activiteiten/',
  row,
  idOf: (item) => item.id,
  filterParameters,
  parseFilters: (params, options) => parseFiltersWith(params, options, filterParameters, readFilters),
  queryOf: ({ filter, period }: ActivityFilters) => {
    const query = activityQueryToSearchParams({ filter });
    if (period) query.set('wanneer', period);
    return query;
  },
  async list(deps, { filter, period }) {
    return (await publicActivities(deps.db, filter, period, clock(deps))).map((activity) => toRow(activity, deps.origin));
  },
  async get(deps, itemId) {
    const activity = await publicActivity(deps.db, itemId);
    return activity ? toRow(activity, deps.origin) : undefined;
  },
  lastModified: (items) => latestInstant(items.map((item) => Date.parse(item.bijgewerkt))),
});
