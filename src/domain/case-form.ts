/**
 * What a case form holds: the fields a curator fills in for a case study, as typed (names, not
 * ids). The editor (features/editor/case-form.ts) reads a file into it, checks it and writes
 * it back; the pitch-to-story generator (features/marketplace/pitch-story.ts) fills one in from
 * a pitch. Declared here so both can use it without the two features depending on each other.
 */

/** A case's form. */
export interface CaseForm {
  id: string;
  title: string;
  summary: string;
  employers: string[];
  municipalities: string[];
  partners: string[];
  /** One place per line. */
  places: string;
  sectors: string[];
  targetGroups: string[];
  instruments: string[];
  /** One outcome per line. */
  outcomes: string;
  evidence: string;
  status: string;
  stand: string;
  sources: string[];
  published: string;
  updated: string;
  featured: boolean;
  /** The pitch the case grew out of (its origin on the page); kept as it is, not typed by hand. */
  pitch?: CasePitch;
  body: string;
}

/** A case's pitch field: the pitch's id, title and closing day (YYYY-MM-DD). */
export interface CasePitch {
  id: string;
  title: string;
  closedOn: string;
}

/** Comment lines above frontmatter keys ("title", "pitch.closedOn"): notes for the curator in a generated draft. */
export type CaseNotes = Readonly<Record<string, readonly string[]>>;
