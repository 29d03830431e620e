/**
 * What an author changed in a pitch since the curator asked for a change: the pitch's text is
 * kept (pitches.reviewed_text) when she sends it back, and the moderation queue shows, per
 * field, what is different in the resubmitted version (a word diff for the texts, old and new
 * value for the rest).
 */
import { helpKinds } from '#domain/help-kinds.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { wordDiff, type DiffPart } from '#domain/word-diff.ts';
import type { PitchRow, PitchTextSnapshot } from '#db/marketplace-schema.ts';
import { pitchFieldLabels } from './pitch-input.ts';

/** A stored pitch with its facet values (a PitchRecord of pitches.ts, which builds its form values from this module). */
type PitchWithFacets = PitchRow & { helpKinds: readonly string[]; targetGroups: readonly string[]; sectors: readonly string[] };

/** The fields a curator reads, in the form's order. */
const fields = ['title', 'area', 'challenge', 'ask', 'helpKinds', 'targetGroups', 'sectors', 'peopleSought', 'closingDate', 'contactName', 'contactRole', 'contactEmail', 'contactPhone'] as const;

/** The pitch's text as the curator reads it, to keep with her request for a change. */
export function pitchSnapshot(pitch: PitchWithFacets): PitchTextSnapshot {
  return {
    title: pitch.title,
    area: pitch.area,
    challenge: pitch.challenge,
    ask: pitch.ask,
    helpKinds: [...pitch.helpKinds].sort(),
    targetGroups: [...pitch.targetGroups].sort(),
    sectors: [...pitch.sectors].sort(),
    peopleSought: pitch.peopleSought === null ? '' : String(pitch.peopleSought),
    closingDate: pitch.closingDate,
    contactName: pitch.contactName,
    contactRole: pitch.contactRole ?? '',
    contactEmail: pitch.contactEmail,
    contactPhone: pitch.contactPhone ?? '',
  };
}

/** One changed field: its label and the parts of the word diff (old and new value for a list or a short value). */
export interface PitchChange {
  label: string;
  parts: DiffPart[];
}

const vocabularies = { helpKinds, targetGroups, sectors } as const;

/** A field's value as text: the labels of a list of choices, joined. */
function asText(field: (typeof fields)[number], value: string | string[] | undefined): string {
  if (value === undefined) return '';
  if (!Array.isArray(value)) return value;
  const terms = vocabularies[field as keyof typeof vocabularies].terms as readonly { id: string; label: string }[];
  return value.map((id) => terms.find((term) => term.id === id)?.label ?? id).join(', ');
}

/**
 * The fields that differ between the kept text and the pitch as it is now; null when no text
 * was kept (the pitch was never sent back, or before texts were kept).
 */
export function pitchChangesSince(kept: PitchTextSnapshot | null, pitch: PitchWithFacets): PitchChange[] | null {
  if (!kept) return null;
  const now = pitchSnapshot(pitch);
  const changes: PitchChange[] = [];
  for (const field of fields) {
    const before = asText(field, kept[field]);
    const after = asText(field, now[field]);
    if (before === after) continue;
    // Lists and short values read best as "was … , now …"; texts as a word diff.
    const whole = Array.isArray(now[field]) || field === 'peopleSought' || field === 'closingDate' || field.startsWith('contact');
    const parts: DiffPart[] = whole ? [...(before ? [{ kind: 'removed' as const, text: before }] : []), ...(after ? [{ kind: 'added' as const, text: after }] : [])] : wordDiff(before, after);
    changes.push({ label: pitchFieldLabels[field], parts });
  }
  return changes;
}
