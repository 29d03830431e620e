import { account } from './account.ts';
import { curation } from './curation.ts';
import { offers } from './offers.ts';

export const server = { account, curation, offers };
