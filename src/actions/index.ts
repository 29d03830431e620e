import { account } from './account.ts';
import { activities } from './activities.ts';
import { curation } from './curation.ts';
import { live } from './live.ts';
import { matchmaking } from './matchmaking.ts';
import { followUps } from './follow-ups.ts';
import { follows } from './follows.ts';
import { editor } from './editor.ts';
import { offers } from './offers.ts';
import { pitches } from './pitches.ts';
import { publishing } from './publishing.ts';
import { suggestions } from './suggestions.ts';

export const server = { account, curation, pitches, offers, suggestions, publishing, live, followUps, activities, follows, editor, matchmaking };
