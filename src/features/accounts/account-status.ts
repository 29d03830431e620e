/**
 * The status box on /account/: in which situation an account is, what the
 * next step is and who takes it. What a person may do comes from the policy (can), never from
 * a second set of rules here, so the box cannot promise pitching or offering before the policy
 * allows it. Plain TypeScript: the page renders it, tests/unit/account-status.test.ts covers
 * every situation.
 */
import { can, type Actor } from '#domain/policy.ts';

/** The network organisation as the box names it (config().network). */
export interface NetworkForStatus {
  name: string;
  email: string;
  /** What curators promise about confirming, e.g. "meestal binnen twee werkdagen"; absent: no promise. */
  curationPromise?: string;
}

export interface AccountStatusInput {
  actor: Actor;
  organisationName: string;
  email: string;
  /** The address is at the organisation's own e-mail domain: confirming it confirms the membership too. */
  domainMatches: boolean;
  /**
   * A curator refused the membership. Accounts keep no such state yet (curators can only
   * confirm); the box is ready for it so the page only has to pass it on.
   */
  rejected?: boolean;
  network: NetworkForStatus;
  /** For curators and admins: how many wait for a confirmation, and how many of them hold back an offer on a pitch. */
  curation?: { waiting: number; withOffers: number };
}

export const accountSituations = [
  'email-unconfirmed',
  'staff',
  'rejected',
  'awaiting-membership',
  'awaiting-organisation',
  'can-pitch',
  'can-offer',
  'reader',
] as const;
/** Where an account stands, in the order the box checks it. */
export type AccountSituation = (typeof accountSituations)[number];

/** Who takes the next step: the person, a curator of the network, or nobody (nothing is pending). */
export type NextActor = 'you' | 'curator' | 'nobody';

export interface AccountStatus {
  situation: AccountSituation;
  whoActs: NextActor;
  /** "Aan zet: …" in the box. */
  whoActsText: string;
  heading: string;
  /** The next step, in one or two sentences. */
  text: string;
  /** What comes after the next step, or what can be done meanwhile. */
  then?: string;
  /** Where to go for the next step. */
  link?: { href: string; label: string };
  /** The box offers to send the confirmation link again. */
  resend: boolean;
  /** Colour of the box: something to do for the person, waiting, or done. */
  tone: 'action' | 'waiting' | 'ready';
}

/** ", meestal binnen twee werkdagen" when the network promises a term; nothing otherwise. */
function promise(network: NetworkForStatus): string {
  const text = network.curationPromise?.trim();
  return text ? `, ${text}` : '';
}

/** The account's situation, its next step and who takes it. */
export function accountStatus(input: AccountStatusInput): AccountStatus {
  const { actor, organisationName: org, network } = input;
  const curator = `Een curator van ${network.name}`;
  const whoActsText: Record<NextActor, string> = { you: 'u', curator: `een curator van ${network.name}`, nobody: 'niemand: er wacht niets' };
  const canPitch: boolean = can(actor, 'pitch:create', { municipalityId: actor.organisationId });
  const canOffer: boolean = can(actor, 'offer:create', { employerId: actor.organisationId });
  const mayPrepareOffer: boolean = can(actor, 'offer:prepare', { employerId: actor.organisationId });
  const isMemberKind = actor.organisationKind === 'municipality' || actor.organisationKind === 'employer';
  const isStaff = actor.role === 'curator' || actor.role === 'admin';
  /** A situation in which the person goes ahead themselves: nothing waits for anyone. */
  const goAhead = (situation: AccountSituation, heading: string, text: string, link: { href: string; label: string }): AccountStatus => ({
    situation, whoActs: 'you', whoActsText: whoActsText.you, heading, text, link, resend: false, tone: 'ready',
  });

  if (!actor.emailVerified) {
    let then: string | undefined;
    if (isStaff || !isMemberKind || (actor.membershipVerified && actor.organisationVerified)) then = undefined;
    else if (input.domainMatches) then = `Uw adres hoort bij ${org}: daarmee is ook uw lidmaatschap meteen bevestigd.`;
    else if (!actor.organisationVerified) then = `Daarna bekijkt een curator van ${network.name} de nieuwe werkgever ${org} en uw aanmelding${promise(network)}.`;
    else then = `Daarna bevestigt een curator van ${network.name} dat u bij ${org} werkt${promise(network)}.`;
    return {
      situation: 'email-unconfirmed',
      whoActs: 'you',
      whoActsText: whoActsText.you,
      heading: 'Bevestig uw e-mailadres',
      text: `Klik op de link in de e-mail die we naar ${input.email} stuurden. Geen e-mail gekregen? Kijk in de map met ongewenste e-mail, of laat de link opnieuw sturen.`,
      then,
      resend: true,
      tone: 'action',
    };
  }

  if (isStaff) {
    const role = actor.role === 'admin' ? 'beheerder' : 'curator';
    const waiting = input.curation?.waiting ?? 0;
    if (waiting === 0) {
      const none = input.curation ? ' Er wacht nu niemand op bevestiging.' : '';
      return goAhead('staff', `U bent ${role} van Praktijkplein`, `U bevestigt gemeentemedewerkers en werkgevers en u modereert pitches.${none}`, { href: '/beheer/', label: 'Naar beheer' });
    }
    const withOffers = input.curation!.withOffers;
    const offers =
      withOffers === 0 ? '' : ` Bij ${withOffers === waiting ? (waiting === 1 ? 'deze aanmelding' : 'al deze aanmeldingen') : withOffers} wacht ook aanbod op een pitch: de gemeente ziet het pas na uw bevestiging.`;
    return {
      situation: 'staff',
      whoActs: 'you',
      whoActsText: whoActsText.you,
      heading: waiting === 1 ? '1 aanmelding wacht op bevestiging' : `${waiting} aanmeldingen wachten op bevestiging`,
      text: `U bent ${role} van Praktijkplein: u bevestigt gemeentemedewerkers en werkgevers en u modereert pitches.${offers}`,
      link: { href: '/beheer/#leden', label: `Bevestigen (${waiting})` },
      resend: false,
      tone: 'action',
    };
  }

  if (input.rejected && isMemberKind) {
    return {
      situation: 'rejected',
      whoActs: 'you',
      whoActsText: whoActsText.you,
      heading: 'Uw aanmelding is niet bevestigd',
      text: `${curator} heeft niet bevestigd dat u namens ${org} werkt. U kunt Praktijkplein blijven lezen, maar niet namens ${org} pitchen of aanbieden.`,
      then: `Denkt u dat dit niet klopt? Mail ${network.name} via ${network.email}.`,
      link: { href: `mailto:${network.email}`, label: `Mail ${network.name}` },
      resend: false,
      tone: 'action',
    };
  }

  if (canPitch) {
    return goAhead('can-pitch', `U kunt pitchen namens ${org}`, `Uw lidmaatschap is bevestigd. Schrijf een pitch over een vraagstuk van uw gemeente; een curator bekijkt hem voordat hij online komt.`, { href: '/pitches/nieuw/', label: 'Schrijf een pitch' });
  }

  if (canOffer) {
    return goAhead('can-offer', `U kunt meedoen met pitches namens ${org}`, 'Uw lidmaatschap is bevestigd. Kies een pitch en druk op "Ik doe mee": de gemeente krijgt uw aanbod meteen.', { href: '/pitches/', label: 'Bekijk de pitches' });
  }

  if (isMemberKind) {
    const proposedEmployer = actor.organisationKind === 'employer' && !actor.organisationVerified;
    const meanwhile =
      actor.organisationKind === 'employer' && mayPrepareOffer
        ? 'Tot die tijd kunt u al meedoen met een pitch: uw aanbod wacht en gaat naar de gemeente zodra alles is bevestigd.'
        : 'Tot die tijd kunt u rondkijken, maar nog geen pitch schrijven.';
    return {
      situation: proposedEmployer ? 'awaiting-organisation' : 'awaiting-membership',
      whoActs: 'curator',
      whoActsText: whoActsText.curator,
      heading: 'Wacht op bevestiging',
      text: proposedEmployer
        ? `${curator} bevestigt de nieuwe werkgever ${org} en uw lidmaatschap${promise(network)}. U krijgt een e-mail zodra dat is gebeurd.`
        : `${curator} bevestigt uw lidmaatschap${promise(network)}. U krijgt een e-mail zodra dat is gebeurd.`,
      then: meanwhile,
      link: actor.organisationKind === 'employer' && mayPrepareOffer ? { href: '/pitches/', label: 'Bekijk de pitches' } : undefined,
      resend: false,
      tone: 'waiting',
    };
  }

  return {
    situation: 'reader',
    whoActs: 'nobody',
    whoActsText: whoActsText.nobody,
    heading: 'U kunt alles lezen',
    text: `Uw account hoort bij ${org}. Pitchen en aanbieden kan alleen namens een gemeente of een werkgever. Heeft u dat nodig? Mail ${network.name} via ${network.email}.`,
    resend: false,
    tone: 'ready',
  };
}
