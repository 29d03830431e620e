/**
 * The open-data catalogue (DCAT-AP-NL 3.0, JSON-LD) at a stable address, for data.overheid.nl
 * and other portals to harvest (docs/decisions/dcat-catalogue.md).
 */
import { openDataCatalogue } from '#web/open-data-files.ts';

export const prerender = false;

export const GET = openDataCatalogue;
