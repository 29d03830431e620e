/**
 * STUB of the publish pipeline (issue 11, contract-11.md). The publish helper owns this file;
 * at merge the lead keeps their version. This stub has exactly the contract's exports so the
 * editor can call requestPublish; it publishes nothing and says so in Dutch.
 */
import type { Database } from '../../db/client.ts';

/** One file in the content folder, by path relative to it ('cases/x.mdx', 'instruments/y.mdx', 'organisations/organisations.yaml', 'sources/sources.yaml'), with its new text; null deletes it. */
export interface ContentChange {
  path: string;
  content: string | null;
}
export interface Publisher {
  userId: string;
  name: string;
}
export interface PublishRequest {
  changes: ContentChange[];
  publisher: Publisher;
  summary: string;
  draftId?: string;
}
export type PublishResult = { ok: true; publicationId: string } | { ok: false; reason: 'rate-limited' | 'busy' | 'invalid'; message: string };
export type PublicationState = 'queued' | 'building' | 'live' | 'failed';
export interface Publication {
  id: string;
  state: PublicationState;
  summary: string;
  publisher: string;
  draftId: string | null;
  message: string | null;
  createdAt: number;
  finishedAt: number | null;
  revisionId: string | null;
}
export interface Revision {
  id: string;
  createdAt: number;
  publisher: string;
  summary: string;
  paths: string[];
  revertOf: string | null;
  commit: string | null;
}

const notYet = { ok: false, reason: 'busy', message: 'Publiceren kan nog niet.' } as const;

/** Validates nothing about content (the editor did) except paths; queues a build in the background and returns at once. */
export async function requestPublish(_db: Database, _request: PublishRequest, _now = Date.now()): Promise<PublishResult> {
  return notYet;
}

/** One publication's state (stub: none exist). */
export async function publicationById(_db: Database, _id: string): Promise<Publication | null> {
  return null;
}

/** Every published change, newest first (stub: none). */
export async function contentHistory(_db: Database, _options: { path?: string; limit?: number } = {}): Promise<Revision[]> {
  return [];
}

/** Publishes the inverse of a revision (the files as they were before it) as a new revision. */
export async function requestRevert(_db: Database, _revisionId: string, _publisher: Publisher, _now = Date.now()): Promise<PublishResult> {
  return notYet;
}
