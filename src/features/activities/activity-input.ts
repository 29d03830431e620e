/**
 * Home of the activity form's input: what the form sends, checked into what
 * is stored, with a Dutch message per field. Days and times are read on the Amsterdam clock
 * (domain/amsterdam-time.ts): a time that does not exist on the night the clock goes forward
 * is refused with a message that says why; the doubled hour in October means its first
 * occurrence. The end must come after the start, the start may not have passed. The place
 * names a municipality when it can (catalog/places.ts), for the place filters.
 * The action passes the form through as strings (`activityFormInput`); `parseActivityInput`
 * decides, so a use case called from anywhere checks the same.
 */
import { z } from 'astro/zod';
import { municipalityForPlace } from '#features/catalog/places.ts';
import { amsterdamInstant, amsterdamWallTime, dutchDay, dutchTime, nextDay, startOfAmsterdamDay, addDays } from '#domain/amsterdam-time.ts';
import { activityAudiences, activityKinds, type ActivityAudience, type ActivityKind } from '#domain/activity-vocabulary.ts';
import { sectors, targetGroups, type SectorId, type TargetGroupId } from '#domain/facets.ts';
import { nameProblem } from '#domain/names.ts';
import { parseTypedDate } from '#domain/typed-date.ts';

/** Text limits, in characters, shown in the form's hints too. */
export const activityLimits = {
  title: { min: 5, max: 120 },
  description: { min: 20, max: 3000 },
  place: { max: 200 },
  onlineUrl: { max: 500 },
  organiserName: { min: 2, max: 120 },
  /** The longest an activity may last. */
  maxDays: 14,
  /** How far ahead an activity may be planned. */
  maxYearsAhead: 2,
} as const;

const optionalText = (max: number) => z.string().max(max * 4, 'Deze tekst is veel te lang.').optional();
const list = z.array(z.string().max(100)).max(50).optional();

/**
 * What the action accepts: the form's fields as text, generous limits only (so an oversized
 * post is refused early). Every real check is `parseActivityInput`'s, with a message per field.
 */
export const activityFormInput = z.object({
  title: optionalText(activityLimits.title.max),
  kind: optionalText(50),
  description: optionalText(activityLimits.description.max),
  startDate: optionalText(20),
  startTime: optionalText(10),
  endDate: optionalText(20),
  endTime: optionalText(10),
  allDay: optionalText(10),
  place: optionalText(activityLimits.place.max),
  onlineUrl: optionalText(activityLimits.onlineUrl.max),
  organiserName: optionalText(activityLimits.organiserName.max),
  audiences: list,
  targetGroups: list,
  sectors: list,
});
export type ActivityFormInput = z.infer<typeof activityFormInput>;

/** A valid activity, as the use cases store it. */
export interface ActivityFields {
  title: string;
  kind: ActivityKind;
  description: string;
  startsAt: number;
  endsAt: number;
  allDay: boolean;
  place: string | null;
  municipalityId: string | null;
  onlineUrl: string | null;
  organiserName: string;
  audiences: ActivityAudience[];
  targetGroups: TargetGroupId[];
  sectors: SectorId[];
}

/** Labels of the fields, for the error summary (form order). */
export const activityFieldLabels: Record<keyof ActivityFormInput, string> = {
  title: 'Titel',
  kind: 'Soort activiteit',
  description: 'Beschrijving',
  startDate: 'Begindatum',
  startTime: 'Begintijd',
  endDate: 'Einddatum',
  endTime: 'Eindtijd',
  allDay: 'Hele dag',
  place: 'Plaats of adres',
  onlineUrl: 'Link om online mee te doen',
  organiserName: 'Organisator',
  audiences: 'Voor wie',
  targetGroups: 'Doelgroepen',
  sectors: 'Sectoren',
};

export type ParsedActivity = { ok: true; fields: ActivityFields } | { ok: false; fields: Record<string, string> };

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const values = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' && value !== '' ? [value] : []);

/**
 * The municipality a place names: the whole text ("Zaandam"), or one of its comma-separated
 * parts from the end ("Stationsplein 1, 1506 DZ Zaandam"), a postcode in front left out.
 */
export function municipalityOfPlace(place: string): string | null {
  const parts = [place, ...place.split(',').reverse()].map((part) => part.trim().replace(/^\d{4}\s?[A-Za-z]{2}\s+/, ''));
  for (const part of parts) {
    const municipality = part && municipalityForPlace(part);
    if (municipality) return municipality.id;
  }
  return null;
}

/** Why a typed day and time is no instant, in Dutch, for the time field (or the date field). */
function instantProblem(reason: 'invalid-day' | 'invalid-time' | 'does-not-exist', day: string, time: string): { field: 'date' | 'time'; message: string } {
  if (reason === 'invalid-day') return { field: 'date', message: 'Vul een geldige datum in, zoals 2027-03-21 (jaar-maand-dag).' };
  if (reason === 'invalid-time') return { field: 'time', message: 'Vul een tijd in van 00:00 tot 23:59, zoals 14:00.' };
  return {
    field: 'time',
    message: `Op ${dutchDay(day)} bestaat ${dutchTime(time)} uur niet: die nacht gaat de klok van 02.00 naar 03.00 uur (zomertijd). Kies een andere tijd.`,
  };
}

/** Parses the form on `now`: the fields to store, or the first Dutch message per field. */
export function parseActivityInput(input: unknown, now: number): ParsedActivity {
  const raw = (input ?? {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  const fail = (field: string, message: string) => {
    errors[field] ??= message;
  };

  const title = trimmed(raw.title);
  if (!title) fail('title', 'Vul de titel in.');
  else if (title.length < activityLimits.title.min) fail('title', `Schrijf bij de titel minstens ${activityLimits.title.min} tekens.`);
  else if (title.length > activityLimits.title.max) fail('title', `Schrijf bij de titel hoogstens ${activityLimits.title.max} tekens (nu te lang).`);
  else if (nameProblem(title, 'organisation')) fail('title', 'Een titel past op één regel, zonder webadres of onzichtbare tekens.');

  const kind = trimmed(raw.kind);
  if (!(activityKinds.ids as readonly string[]).includes(kind)) fail('kind', 'Kies de soort activiteit.');

  const description = trimmed(raw.description).replace(/\r\n?/g, '\n');
  if (!description) fail('description', 'Vul de beschrijving in.');
  else if (description.length < activityLimits.description.min) fail('description', `Schrijf bij de beschrijving minstens ${activityLimits.description.min} tekens: wat gebeurt er, en voor wie?`);
  else if (description.length > activityLimits.description.max) fail('description', `Schrijf bij de beschrijving hoogstens ${activityLimits.description.max} tekens (nu te lang).`);

  // When: a day and a time on the Amsterdam clock, or whole days.
  const allDay = ['true', 'on'].includes(trimmed(raw.allDay));
  // Days as people type them (1-3-2027, 1 maart 2027) or as the date picker posts them.
  const typedStart = parseTypedDate(trimmed(raw.startDate));
  const typedEnd = parseTypedDate(trimmed(raw.endDate));
  const startDate = typedStart.ok ? typedStart.day : '';
  const endDate = typedEnd.ok ? typedEnd.day : startDate;
  let startsAt: number | undefined;
  let endsAt: number | undefined;
  if (!typedStart.ok) fail('startDate', typedStart.reason === 'empty' ? 'Vul de begindatum in.' : typedStart.message);
  if (!typedEnd.ok && typedEnd.reason !== 'empty') fail('endDate', `${typedEnd.message} Of laat het veld leeg.`);
  if (!errors.startDate && !errors.endDate) {
    if (allDay) {
      startsAt = startOfAmsterdamDay(startDate);
      endsAt = endDate >= startDate ? startOfAmsterdamDay(nextDay(endDate)) : undefined;
      if (endsAt === undefined) fail('endDate', 'De einddatum ligt vóór de begindatum.');
    } else {
      // A time typed for a day, as an instant; a missing time, or one the clock skips, fails its field.
      const instantAt = (day: string, typedTime: string, side: 'start' | 'end'): number | undefined => {
        const [dateField, timeField] = side === 'start' ? ['startDate', 'startTime'] : ['endDate', 'endTime'];
        if (!typedTime) return void fail(timeField, `Vul de ${side === 'start' ? 'begintijd' : 'eindtijd'} in, of kies "hele dag".`);
        const instant = amsterdamInstant(day, typedTime);
        if (instant.ok) return instant.instant;
        const problem = instantProblem(instant.reason, day, typedTime);
        fail(problem.field === 'date' ? dateField : timeField, problem.message);
        return undefined;
      };
      startsAt = instantAt(startDate, trimmed(raw.startTime), 'start');
      endsAt = instantAt(endDate, trimmed(raw.endTime), 'end');
      if (startsAt !== undefined && endsAt !== undefined && endsAt <= startsAt) {
        fail(endDate === startDate ? 'endTime' : 'endDate', 'Het einde moet na het begin liggen.');
        endsAt = undefined;
      }
    }
  }
  if (startsAt !== undefined && endsAt !== undefined) {
    const today = amsterdamWallTime(now).day;
    if (startsAt < now && !(allDay && startDate === today)) fail('startDate', 'Deze activiteit begint in het verleden. Kies een moment dat nog moet komen.');
    else if (startDate > addDays(today, 366 * activityLimits.maxYearsAhead)) fail('startDate', `Kies een begindatum binnen ${activityLimits.maxYearsAhead} jaar vanaf vandaag.`);
    else if (endDate > addDays(startDate, activityLimits.maxDays - 1) || endsAt - startsAt > activityLimits.maxDays * 86_400_000) {
      fail('endDate', `Een activiteit duurt hoogstens ${activityLimits.maxDays} dagen. Zet een langere reeks als losse activiteiten in de kalender.`);
    }
  }

  // Where: a place, an online link, or both.
  const place = trimmed(raw.place).replace(/\s+/g, ' ');
  if (place.length > activityLimits.place.max) fail('place', `Schrijf bij de plaats hoogstens ${activityLimits.place.max} tekens.`);
  else if (place && nameProblem(place, 'organisation')) fail('place', 'Een adres past op één regel, zonder webadres: een link hoort bij "online meedoen".');
  const onlineUrl = trimmed(raw.onlineUrl);
  if (onlineUrl) {
    let url: URL | undefined;
    try {
      url = new URL(onlineUrl);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:' || !url.hostname.includes('.') || url.username || url.password) {
      fail('onlineUrl', 'Vul een volledige, beveiligde link in die begint met https://, zoals https://voorbeeld.nl/meedoen.');
    } else if (onlineUrl.length > activityLimits.onlineUrl.max) fail('onlineUrl', `Een link heeft hoogstens ${activityLimits.onlineUrl.max} tekens.`);
  }
  if (!place && !onlineUrl) fail('place', 'Vul een plaats of adres in, of een link om online mee te doen (of allebei).');

  const organiserName = trimmed(raw.organiserName);
  if (organiserName.length < activityLimits.organiserName.min) fail('organiserName', 'Vul de naam van de organisator in.');
  else if (organiserName.length > activityLimits.organiserName.max) fail('organiserName', `Een naam mag hoogstens ${activityLimits.organiserName.max} tekens hebben.`);
  else {
    const problem = nameProblem(organiserName, 'organisation');
    if (problem) fail('organiserName', problem);
  }

  const pick = <T extends string>(name: string, ids: readonly T[], what: string, min: number): T[] => {
    const chosen = [...new Set(values(raw[name]))];
    if (chosen.some((value) => !(ids as readonly string[]).includes(value))) fail(name, `Kies alleen ${what} uit de lijst.`);
    else if (chosen.length < min) fail(name, `Kies minstens één ${what}.`);
    return chosen as T[];
  };
  const audiences = pick('audiences', activityAudiences.ids, 'groep', 1);
  const chosenTargetGroups = pick('targetGroups', targetGroups.ids, 'doelgroep', 0);
  const chosenSectors = pick('sectors', sectors.ids, 'sector', 0);

  if (Object.keys(errors).length > 0 || startsAt === undefined || endsAt === undefined) return { ok: false, fields: errors };
  return {
    ok: true,
    fields: {
      title,
      kind: kind as ActivityKind,
      description,
      startsAt,
      endsAt,
      allDay,
      place: place || null,
      municipalityId: place ? municipalityOfPlace(place) : null,
      onlineUrl: onlineUrl ? new URL(onlineUrl).href : null,
      organiserName,
      audiences,
      targetGroups: chosenTargetGroups,
      sectors: chosenSectors,
    },
  };
}

/** The form's values for a stored activity (the edit form starts from what is stored). */
export function activityFormValues(activity: ActivityFields & { version: number }): Record<string, string | string[]> {
  const start = amsterdamWallTime(activity.startsAt);
  const end = activity.allDay ? { day: amsterdamWallTime(activity.endsAt - 1).day, time: '' } : amsterdamWallTime(activity.endsAt);
  return {
    title: activity.title,
    kind: activity.kind,
    description: activity.description,
    startDate: start.day,
    startTime: activity.allDay ? '' : start.time,
    endDate: end.day === start.day ? '' : end.day,
    endTime: end.time,
    allDay: activity.allDay ? 'true' : '',
    place: activity.place ?? '',
    onlineUrl: activity.onlineUrl ?? '',
    organiserName: activity.organiserName,
    audiences: activity.audiences,
    targetGroups: activity.targetGroups,
    sectors: activity.sectors,
    version: String(activity.version),
  };
}
