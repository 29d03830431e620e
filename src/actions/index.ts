import { account } from './account.ts';
import { curation } from './curation.ts';
import { editor } from './editor.ts';
import { offers } from './offers.ts';
import { pitches } from './pitches.ts';
import { suggestions } from './suggestions.ts';

export const server = { account, curation, pitches, offers, suggestions, editor };
