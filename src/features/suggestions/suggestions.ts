/**
 * Home of "Praktijk aandragen of vraag stellen": anyone sends a practice, a
 * question or a correction, optionally about one page; it is stored, and the network's mailbox
 * gets it through the outbox in the same batch. Curators read and mark them on
 * /beheer/suggesties/ (policy: 'suggestion:view', 'suggestion:handle'). Limited per source
 * network. Kept until a year after being handled (retention), or until the sender's account
 * is deleted; a signed-in sender finds them in their data export.
 */
import { and, desc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { suggestions, type SuggestionRow } from '#db/marketplace-schema.ts';
import { users } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { auditIf } from '#platform/audit/audit-log.ts';
import { newId } from '#platform/auth/crypto.ts';
import { consume } from '#platform/auth/rate-limit.ts';
import { can, notAllowed, type Actor, type NotAllowed } from '#domain/policy.ts';
import { parseAboutPath, SUGGESTION_RETENTION_MONTHS, type AboutPage, type SuggestionKind, type SuggestionStatus } from '#domain/suggestions.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { suggestionReceivedMessage } from '#platform/mail/suggestion-messages.ts';

export interface SuggestionInput {
  kind: SuggestionKind;
  message: string;
  name: string;
  email: string;
  organisation?: string | null;
  /** The page it is about, raw from the form (the link's `?over=`): a same-site path, checked here. */
  about?: string | null;
}

/** Where the mail goes and how a page's title is found (the content lives outside this module). */
export interface SuggestionContext {
  /** The network's mailbox (config().network.email). */
  networkEmail: string;
  /** The title of a known page, or null when no such page exists. */
  titleOf: (page: AboutPage) => Promise<string | null> | string | null;
}

export type SubmitSuggestionResult = { ok: true; id: string } | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

/** Which page a message is about: a known page of this site with its title, or nothing. */
export async function resolveAbout(raw: string | null | undefined, titleOf: SuggestionContext['titleOf']): Promise<{ path: string; title: string } | null> {
  const page = parseAboutPath(raw);
  if (!page) return null;
  const title = await titleOf(page);
  return title ? { path: page.path, title } : null;
}

/** Stores the message and queues it for the network's mailbox, in one batch. */
export async function submitSuggestion(deps: Deps, actor: Actor | null, input: SuggestionInput, context: SuggestionContext): Promise<SubmitSuggestionResult> {
  const { db } = deps;
  const now = clock(deps);
  const limit = await consume(db, 'suggestionIp', deps.ip, now);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  // An unknown or foreign page is dropped, not refused: it came from a link, not from the person.
  const about = await resolveAbout(input.about, context.titleOf);
  const id = newId();
  const organisation = input.organisation?.trim() || null;
  const userId = actor?.userId ?? null;
  await db.batch([
    db.insert(suggestions).values({
      id,
      kind: input.kind,
      message: input.message.trim(),
      name: input.name.trim(),
      email: input.email.trim().toLowerCase(),
      organisation,
      aboutPath: about?.path ?? null,
      aboutTitle: about?.title ?? null,
      userId,
      status: 'new',
      createdAt: now,
    }),
    enqueueMail(db, suggestionReceivedMessage(context.networkEmail, { kind: input.kind, message: input.message.trim(), name: input.name, email: input.email.trim().toLowerCase(), organisation, about }, deps.origin, userId), now),
  ]);
  return { ok: true, id };
}

export interface SuggestionView extends SuggestionRow {
  handledByName: string | null;
}

/** Every suggestion of one state, newest first (curators only; null means "not for you"). */
export async function listSuggestions(deps: Deps, actor: Actor | null, status: SuggestionStatus, limit = 200): Promise<SuggestionView[] | null> {
  if (!can(actor, 'suggestion:view')) return null;
  const rows = await deps.db
    .select({ suggestion: suggestions, handledByName: users.name })
    .from(suggestions)
    .leftJoin(users, eq(users.id, suggestions.handledBy))
    .where(eq(suggestions.status, status))
    .orderBy(desc(status === 'new' ? suggestions.createdAt : suggestions.handledAt), desc(suggestions.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row.suggestion, handledByName: row.handledByName }));
}

/** How many wait for a curator (for the link on /beheer/). */
export async function openSuggestionCount(deps: Deps, actor: Actor | null): Promise<number | null> {
  if (!can(actor, 'suggestion:view')) return null;
  const [row] = await deps.db.select({ count: sql<number>`count(*)` }).from(suggestions).where(eq(suggestions.status, 'new'));
  return row?.count ?? 0;
}

export type MarkSuggestionResult = { ok: true } | NotAllowed | { ok: false; reason: 'not-found' };

/** Marks a suggestion handled (or open again), with an audit entry naming the curator. */
export async function markSuggestion(deps: Deps, actor: Actor | null, id: string, handled: boolean): Promise<MarkSuggestionResult> {
  if (!can(actor, 'suggestion:handle')) return notAllowed;
  const { db } = deps;
  const now = clock(deps);
  const from: SuggestionStatus = handled ? 'new' : 'handled';
  const results = await db.batch([
    db
      .update(suggestions)
      .set(handled ? { status: 'handled', handledAt: now, handledBy: actor.userId } : { status: 'new', handledAt: null, handledBy: null })
      .where(and(eq(suggestions.id, id), eq(suggestions.status, from)))
      .returning({ id: suggestions.id }),
    // Only when the update just above changed a row (a colleague may have marked it first).
    auditIf(db, { actorUserId: actor.userId, action: handled ? 'suggestion.handled' : 'suggestion.reopened', subjectType: 'suggestion', subjectId: id }, sql`changes() > 0`, now),
  ]);
  if (results[0].length === 0) return { ok: false, reason: 'not-found' };
  return { ok: true };
}

/** A person's own suggestions: sent while signed in, or from one of their addresses (for export and deletion). */
function ownedBy(owner: { userId: string; addresses: readonly string[] }) {
  const lowered = [...new Set(owner.addresses.map((a) => a.toLowerCase()))];
  return lowered.length > 0 ? or(eq(suggestions.userId, owner.userId), inArray(suggestions.email, lowered))! : eq(suggestions.userId, owner.userId);
}

/** A person's own suggestions, oldest first, as the data export shows them. */
export async function suggestionsForExport(db: Database, owner: { userId: string; addresses: readonly string[] }) {
  const rows = await db.select().from(suggestions).where(ownedBy(owner)).orderBy(suggestions.createdAt);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return rows.map((s) => ({
    soort: s.kind,
    bericht: s.message,
    naam: s.name,
    eMailadres: s.email,
    organisatie: s.organisation,
    over: s.aboutPath,
    verstuurdOp: iso(s.createdAt),
    afgehandeldOp: iso(s.handledAt),
  }));
}

/** Statement that removes a person's suggestions (for account deletion, in its batch). */
export function deleteSuggestionsFor(db: Database, owner: { userId: string; addresses: readonly string[] }) {
  return db.delete(suggestions).where(ownedBy(owner));
}

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/** Statement that removes suggestions handled more than SUGGESTION_RETENTION_MONTHS ago (retention). */
export function deleteHandledSuggestions(db: Database, now = Date.now()) {
  return db.delete(suggestions).where(and(eq(suggestions.status, 'handled'), isNotNull(suggestions.handledAt), lt(suggestions.handledAt, now - SUGGESTION_RETENTION_MONTHS * MONTH_MS)));
}
