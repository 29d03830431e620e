/**
 * Home of writing a pitch: a verified member of a municipality creates a draft,
 * edits it (as a draft or after a curator asked for changes), and submits it for moderation;
 * the municipality's members list their pitches. Every use case loads the record, asks the
 * policy with it (a pitch one may not see is 'not-found', i.e. 404), moves the status only
 * through the lifecycle (domain/pitch-lifecycle.ts), and writes the pitch, its facet rows,
 * the audit entry and any e-mail in one db.batch guarded by the version the caller read
 * (pitch-writes.ts): a stale edit is refused, a double submit is harmless.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { pitchFacets, pitches, type PitchRow } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { auditIf } from '#platform/audit/audit-log.ts';
import { randomBytes } from 'node:crypto';
import { consume } from '#platform/auth/rate-limit.ts';
import { slugify } from '#features/catalog/slug.ts';
import { can, notAllowed, pitchVisibleTo, type Actor, type NotAllowed } from '#domain/policy.ts';
import { availablePitchEvents, transition, type PitchRefusal, type PitchStatus } from '#domain/pitch-lifecycle.ts';
import { pitchSubmittedMessage } from '#platform/mail/pitch-messages.ts';
import { renderUserMarkdown } from '#platform/markdown/render-user-markdown.ts';
import { parsePitchInput, type PitchFields } from './pitch-input.ts';
import { enqueueMailIf } from '#platform/mail/outbox.ts';
import { moderatorAddresses } from '#features/accounts/users.ts';
import { pitchExists, pitchIsAt, replacePitchFacetsIf } from './pitch-writes.ts';
import { municipalityOfPitch } from './pitch-municipality.ts';
import { pitchSnapshot } from './pitch-changes.ts';
import { pitchSearchKeys } from '#domain/search/pitch-keys.ts';

/** A pitch as loaded: the row, its facet values and its municipality's name. */
export interface PitchRecord extends PitchRow {
  targetGroups: string[];
  sectors: string[];
  helpKinds: string[];
  municipalityName: string;
}

/** Invalid input: a Dutch message per field. */
export type InvalidPitch = { ok: false; reason: 'invalid'; fields: Record<string, string> };
export type PitchNotFound = { ok: false; reason: 'not-found' };
/** Someone changed the pitch since the caller read it: nothing was written. */
export type StalePitch = { ok: false; reason: 'stale' };
export type PitchMoveRefused = { ok: false; reason: PitchRefusal };

export type CreateDraftResult = { ok: true; id: string } | InvalidPitch | NotAllowed | { ok: false; reason: 'rate-limited'; retryAfterMs: number };
export type UpdatePitchResult = { ok: true; id: string; version: number } | InvalidPitch | NotAllowed | PitchNotFound | StalePitch | PitchMoveRefused;
export type SubmitPitchResult = { ok: true; alreadySubmitted: boolean } | NotAllowed | PitchNotFound | StalePitch | PitchMoveRefused;

/** A repeated "save" of the same new text by the same person within this time gives the same draft. */
const DOUBLE_CREATE_WINDOW_MS = 10 * 60_000;

/** Loads a pitch with its facets and municipality name; undefined when there is none. */
export async function loadPitch(db: Database, id: string): Promise<PitchRecord | undefined> {
  const [row] = await db
    .select({ pitch: pitches, municipalityName: organisations.name })
    .from(pitches)
    .innerJoin(organisations, municipalityOfPitch)
    .where(eq(pitches.id, id))
    .limit(1);
  if (!row) return undefined;
  const facets = await db.select({ facet: pitchFacets.facet, value: pitchFacets.value }).from(pitchFacets).where(eq(pitchFacets.pitchId, id));
  const of = (kind: string) => facets.filter((f) => f.facet === kind).map((f) => f.value);
  return { ...row.pitch, municipalityName: row.municipalityName, targetGroups: of('target-group'), sectors: of('sector'), helpKinds: of('help-kind') };
}

/** The columns the form's fields write, Markdown rendered to sanitised HTML on save. */
function textColumns(fields: PitchFields) {
  return {
    title: fields.title,
    area: fields.area,
    challenge: fields.challenge,
    challengeHtml: renderUserMarkdown(fields.challenge),
    ask: fields.ask,
    askHtml: renderUserMarkdown(fields.ask),
    searchKeys: pitchSearchKeys(fields),
    peopleSought: fields.peopleSought ?? null,
    closingDate: fields.closingDate,
    contactName: fields.contactName,
    contactRole: fields.contactRole || null,
    contactEmail: fields.contactEmail,
    contactPhone: fields.contactPhone || null,
  };
}

const ownMunicipalityOnly = 'U kunt alleen een pitch schrijven voor uw eigen gemeente.';

/** A new pitch id: readable words from the title and a random tail ("poelenbrug-aan-het-werk-k3f9q2"). */
function newPitchId(title: string): string {
  const words = slugify(title).slice(0, 60).replace(/-+$/, '');
  // 6 lower-case letters and digits: about 31 bits, enough to keep one title's drafts apart.
  const tail = Array.from(randomBytes(6), (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');
  return `${words || 'pitch'}-${tail}`;
}

/**
 * Saves a new pitch as a draft. The municipality must be the author's own (a changed hidden
 * field is refused at the field). Rate limited per account. Pressing "save" twice with the same
 * text gives one draft: the insert only happens when no such draft of this author exists yet.
 */
export async function createDraft(deps: Deps, actor: Actor | null, input: unknown): Promise<CreateDraftResult> {
  if (!actor || !can(actor, 'pitch:create', { municipalityId: actor.organisationId })) return notAllowed;
  const now = clock(deps);
  const parsed = parsePitchInput(input, new Date(now));
  if (!parsed.ok) return { ok: false, reason: 'invalid', fields: parsed.fields };
  const fields = parsed.fields;
  if (!can(actor, 'pitch:create', { municipalityId: fields.municipality })) return { ok: false, reason: 'invalid', fields: { municipality: ownMunicipalityOnly } };
  const limit = await consume(deps.db, 'pitchCreateAccount', actor.userId, now);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };

  const { db } = deps;
  const id = newPitchId(fields.title);
  const columns = textColumns(fields);
  const duplicate = sql`select 1 from pitches where author_id = ${actor.userId} and municipality_id = ${fields.municipality}
    and status = 'draft' and title = ${columns.title} and challenge = ${columns.challenge} and ask = ${columns.ask} and created_at > ${now - DOUBLE_CREATE_WINDOW_MS}`;
  await db.batch([
    db.run(sql`insert into pitches (id, municipality_id, author_id, title, area, challenge, challenge_html, ask, ask_html, search_keys, people_sought,
        closing_date, contact_name, contact_role, contact_email, contact_phone, status, version, created_at, updated_at)
      select ${id}, ${fields.municipality}, ${actor.userId}, ${columns.title}, ${columns.area}, ${columns.challenge}, ${columns.challengeHtml},
        ${columns.ask}, ${columns.askHtml}, ${columns.searchKeys}, ${columns.peopleSought}, ${columns.closingDate}, ${columns.contactName}, ${columns.contactRole},
        ${columns.contactEmail}, ${columns.contactPhone}, 'draft', 1, ${now}, ${now}
      where not exists (${duplicate})`),
    ...replacePitchFacetsIf(db, id, fields, pitchExists(id)),
    auditIf(db, { actorUserId: actor.userId, action: 'pitch.created', subjectType: 'pitch', subjectId: id }, pitchExists(id), now),
  ]);
  const [created] = await db.select({ id: pitches.id }).from(pitches).where(eq(pitches.id, id)).limit(1);
  if (created) return { ok: true, id };
  // The same text was saved a moment ago (a double click): that draft is the answer.
  const [earlier] = await db
    .select({ id: pitches.id })
    .from(pitches)
    .where(and(eq(pitches.authorId, actor.userId), eq(pitches.status, 'draft'), eq(pitches.title, columns.title), eq(pitches.challenge, columns.challenge)))
    .orderBy(desc(pitches.createdAt))
    .limit(1);
  return { ok: true, id: earlier!.id };
}

/** The answer for a pitch one may not see (404) or may see but not change (403). */
function refusalFor(actor: Actor | null, pitch: PitchRecord): PitchNotFound | NotAllowed {
  return pitchVisibleTo(actor, pitch) ? notAllowed : { ok: false, reason: 'not-found' };
}

/**
 * Saves the text of a draft or of a pitch a curator sent back, if the caller read the current
 * `version`. The municipality cannot be changed (a changed hidden field is refused).
 */
export async function updatePitch(deps: Deps, actor: Actor | null, pitchId: string, version: number, input: unknown): Promise<UpdatePitchResult> {
  const { db } = deps;
  const pitch = await loadPitch(db, pitchId);
  if (!pitch) return { ok: false, reason: 'not-found' };
  if (!can(actor, 'pitch:edit', pitch)) return refusalFor(actor, pitch);
  const now = clock(deps);
  const move = transition(pitch, 'edit', { by: 'author' }, new Date(now));
  if (!move.ok) return move;
  const parsed = parsePitchInput(input, new Date(now));
  if (!parsed.ok) return { ok: false, reason: 'invalid', fields: parsed.fields };
  const fields = parsed.fields;
  if (fields.municipality !== pitch.municipalityId) return { ok: false, reason: 'invalid', fields: { municipality: ownMunicipalityOnly } };
  if (pitch.version !== version) return { ok: false, reason: 'stale' };

  const guard = pitchIsAt(pitch.id, version, pitch.status);
  const results = await db.batch([
    auditIf(db, { actorUserId: actor.userId, action: 'pitch.edited', subjectType: 'pitch', subjectId: pitch.id, detail: { version: version + 1 } }, guard, now),
    ...replacePitchFacetsIf(db, pitch.id, fields, guard),
    db
      .update(pitches)
      .set({ ...textColumns(fields), status: move.status, version: version + 1, updatedAt: now })
      .where(and(eq(pitches.id, pitch.id), eq(pitches.version, version), eq(pitches.status, pitch.status)))
      .returning({ version: pitches.version }),
  ]);
  const updated = results[results.length - 1] as { version: number }[];
  if (updated.length === 0) return afterLostRace(db, pitch.id);
  return { ok: true, id: pitch.id, version: updated[0]!.version };
}

/** Why a guarded write changed nothing: the pitch is gone, or someone changed it meanwhile. */
async function afterLostRace(db: Database, id: string): Promise<PitchNotFound | StalePitch> {
  const [now] = await db.select({ version: pitches.version }).from(pitches).where(eq(pitches.id, id)).limit(1);
  return now ? { ok: false, reason: 'stale' } : { ok: false, reason: 'not-found' };
}

/**
 * Submits a draft (or a pitch sent back for changes) for moderation, if the caller read the
 * current `version`; curators hear of it by e-mail. A second submit of a pitch that is already
 * submitted (a double click, a reload) answers ok and writes nothing.
 */
export async function submitPitch(deps: Deps, actor: Actor | null, pitchId: string, version: number): Promise<SubmitPitchResult> {
  const { db } = deps;
  const pitch = await loadPitch(db, pitchId);
  if (!pitch) return { ok: false, reason: 'not-found' };
  if (!can(actor, 'pitch:edit', pitch)) return refusalFor(actor, pitch);
  if (pitch.status === 'submitted') return { ok: true, alreadySubmitted: true };
  const now = clock(deps);
  const move = transition(pitch, 'submit', { by: 'author' }, new Date(now));
  if (!move.ok) return move;
  if (pitch.version !== version) return { ok: false, reason: 'stale' };

  const guard = pitchIsAt(pitch.id, version, pitch.status);
  const moderators = await moderatorAddresses(db);
  const results = await db.batch([
    auditIf(db, { actorUserId: actor.userId, action: 'pitch.submitted', subjectType: 'pitch', subjectId: pitch.id, detail: { from: pitch.status } }, guard, now),
    ...moderators.map((m) =>
      enqueueMailIf(db, { ...pitchSubmittedMessage(m.email, { title: pitch.title, municipality: pitch.municipalityName }, deps.origin), userId: m.id }, guard, now),
    ),
    db
      .update(pitches)
      .set({ status: move.status, ...move.changes, version: version + 1, updatedAt: now, submittedAt: now })
      .where(and(eq(pitches.id, pitch.id), eq(pitches.version, version), eq(pitches.status, pitch.status)))
      .returning({ id: pitches.id }),
  ]);
  if ((results[results.length - 1] as unknown[]).length > 0) return { ok: true, alreadySubmitted: false };
  // Lost to a simultaneous write: if that was the same submit, it is done all the same.
  const [current] = await db.select({ status: pitches.status }).from(pitches).where(eq(pitches.id, pitch.id)).limit(1);
  if (current?.status === 'submitted') return { ok: true, alreadySubmitted: true };
  return current ? { ok: false, reason: 'stale' } : { ok: false, reason: 'not-found' };
}

export type EditablePitchResult =
  | { ok: true; pitch: PitchRecord }
  /** Visible and the municipality's, but not in a status that allows edits (submitted, published …). */
  | { ok: false; reason: 'not-editable'; pitch: PitchRecord }
  | NotAllowed
  | PitchNotFound;

/** A pitch for the edit form and the preview: only for its municipality's verified members. */
export async function loadPitchForEditing(deps: Deps, actor: Actor | null, pitchId: string): Promise<EditablePitchResult> {
  const pitch = await loadPitch(deps.db, pitchId);
  if (!pitch) return { ok: false, reason: 'not-found' };
  if (!can(actor, 'pitch:edit', pitch)) return refusalFor(actor, pitch);
  if (!availablePitchEvents(pitch.status, 'author').includes('edit')) return { ok: false, reason: 'not-editable', pitch };
  return { ok: true, pitch };
}

/** One row of "Mijn pitches". */
export interface MyPitch {
  id: string;
  title: string;
  status: PitchStatus;
  closingDate: string;
  moderationNote: string | null;
  updatedAt: number;
  authorName: string | null;
}

/**
 * The pitches of the actor's municipality, newest change first: for its verified members (the
 * owner and colleagues work on them together). Others get notAllowed.
 */
export async function listMyPitches(deps: Deps, actor: Actor | null): Promise<{ ok: true; pitches: MyPitch[] } | NotAllowed> {
  if (!actor || !can(actor, 'pitch:create', { municipalityId: actor.organisationId })) return notAllowed;
  const rows = await deps.db
    .select({
      id: pitches.id,
      title: pitches.title,
      status: pitches.status,
      closingDate: pitches.closingDate,
      moderationNote: pitches.moderationNote,
      updatedAt: pitches.updatedAt,
      authorName: users.name,
    })
    .from(pitches)
    .leftJoin(users, eq(users.id, pitches.authorId))
    .where(eq(pitches.municipalityId, actor.organisationId))
    .orderBy(desc(pitches.updatedAt));
  return { ok: true, pitches: rows };
}

/** The form's values for an existing pitch (the edit form starts from what is stored): its text as the curator reads it, with the municipality and the version the stale-edit check compares. */
export function formValuesOf(pitch: PitchRecord): Record<string, string | string[]> {
  return { ...pitchSnapshot(pitch), municipality: pitch.municipalityId, version: String(pitch.version) };
}
