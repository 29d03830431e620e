/**
 * What the evidence kinds and statuses mean, shown beside their choices in the editor. The labels come from src/domain/facets.ts; these are the README's rules for curators.
 */
import { caseStatuses, labelOf, PARTY_CLAIM_LABEL, type CaseStatus, type EvidenceKind } from '#domain/facets.ts';

export const evidenceExplanation: Record<EvidenceKind, string> = {
  resultaat: 'De bron meldt een bereikt resultaat (aantallen, mensen aan het werk).',
  ervaring: 'Deelnemers vertellen over hun aanpak en ervaringen, zonder harde resultaten.',
  ambitie: `Een voornemen of plan. Een verkiezingsprogramma is altijd een ambitie. Noemt het iets bereikt, kies dan de status "${labelOf(caseStatuses, 'geclaimd')}". Het label op de pagina zegt dan "${PARTY_CLAIM_LABEL}".`,
  pitch: 'Een vraag of uitdaging die een gemeente pitchte aan werkgevers.',
};

export const statusExplanation: Record<CaseStatus, string> = {
  lopend: 'De aanpak liep toen de bron werd geschreven.',
  gepitcht: 'De vraag is gepitcht; wie meedoet, is nog niet bekend.',
  voornemen: 'Een voorstel dat nog moet beginnen.',
  geclaimd: `Een partij noemt het in haar programma bereikt, maar geen andere bron bevestigt het. Het label op de pagina zegt dan "${PARTY_CLAIM_LABEL}".`,
  afgerond: 'De aanpak is afgelopen.',
};
