import { account } from './account.ts';
import { curation } from './curation.ts';

export const server = { account, curation };
