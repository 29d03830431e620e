/**
 * Home of permissions: "may this actor do this to this record?", answered in one place and
 * asked inside the services that every action, page and export uses (never by matching URL
 * paths). `can` is a type guard: after `if (!can(actor, …)) return notAllowed;` the actor is
 * known to be signed in. Questions about ownership take the loaded record as the subject.
 * Tested as a matrix of personas × actions × ownership (tests/unit/policy.test.ts).
 */
import type { OrganisationKind, Role } from './accounts.ts';
import type { PitchStatus } from './pitch-lifecycle.ts';
import { publicActivityStatuses, type ActivityStatus } from './activity-lifecycle.ts';

/** What the policy reads of a pitch. */
export interface PitchSubject {
  status: PitchStatus;
  municipalityId: string;
}

/** What the policy reads of an offer, with the municipality of its pitch. */
export interface OfferSubject {
  employerId: string;
  authorId: string | null;
  pitchMunicipalityId: string;
}

/** What the policy reads of an activity (the calendar). */
export interface ActivitySubject {
  status: ActivityStatus;
  /** The organisation it was submitted for; null once that is gone. */
  organisationId: string | null;
  /** Who submitted it; null once that account is deleted. */
  submitterId: string | null;
}

export interface Actor {
  userId: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  emailVerified: boolean;
  /** Members of a municipality or an employer: verified by the organisation's domain or by a curator. */
  membershipVerified: boolean;
  /** Employers proposed at registration: verified by a curator. */
  organisationVerified: boolean;
}

/**
 * What each action is asked about. `undefined`: the question needs no record. The fields are
 * the few a decision reads, so a service passes the row it loaded.
 */
export interface PolicySubjects {
  /** The account being looked at: only one's own. */
  'account:view': { userId: string };
  'account:manage': { userId: string };
  'curation:view': undefined;
  /** The person whose membership is confirmed or rejected: never oneself. */
  'member:verify': { userId: string };
  'organisation:verify': undefined;
  /** The organisation whose own e-mail domain is set: municipalities and employers. */
  'organisation:set-domain': { kind: OrganisationKind };
  /** The person who gets a role: never oneself, so the last admin cannot demote themselves. */
  'role:assign': { userId: string };
  /** The municipality a pitch is for: only one's own. */
  'pitch:create': { municipalityId: string };
  /** The employer an offer is made for: only one's own, acting (verified) for it. */
  'offer:create': { employerId: string };
  /**
   * An offer that waits ("wacht op bevestiging", docs/architecture.md): any member of the employer,
   * verified or not yet; it reaches the pitch owner once the membership is verified.
   */
  'offer:prepare': { employerId: string };
  /** See a pitch: published and closed ones are public; others only its municipality and curators. */
  'pitch:view': PitchSubject;
  /** Write, submit or close a pitch: verified members of its municipality (owner or colleague). */
  'pitch:edit': PitchSubject;
  /** Publish, request changes, reject, feature: curators. */
  'pitch:moderate': PitchSubject;
  /** See every offer on a pitch, answer them, export them: verified members of its municipality. */
  'pitch:answer-offers': PitchSubject;
  /** See one offer: the employer's side, or the pitch's municipality. */
  'offer:view': OfferSubject;
  /** Edit or withdraw an offer: its author, or a verified member of its employer. */
  'offer:manage': OfferSubject;
  /** Take back a confirmation or rejection (within its window, checked by the service): only whoever decided. */
  'curation:undo': { decidedBy: string | null };
  /** Read what the public sent through /aandragen/ (practice tips, questions, corrections): curators. */
  'suggestion:view': undefined;
  /** Mark a suggestion as handled (or open again): curators. */
  'suggestion:handle': undefined;
  // Publishing: put content changes live, see the history, revert.
  /** Publish content changes, read the publication history, revert a revision: curators and admins. */
  'content:publish': undefined;
  // From pitch to story:
  /** Download a closed, matched pitch as a draft case study: curators (the service checks the outcome). */
  'pitch:draft-story': PitchSubject;
  // Live pitch session.
  /** Open, switch and end a live session on a big screen: curators and admins. */
  'live:run': undefined;

  // Outcome follow-up
  /** Say how many people started and are still at work, 3/6/12 months after closing: verified members of its municipality, once it is closed. */
  'pitch:report-outcome': PitchSubject;
  // Activity calendar.
  /** Submit an activity: verified members of a municipality or an employer, and curators. */
  'activity:create': undefined;
  /** See an activity: published and cancelled ones are public; others only its submitting side and curators. */
  'activity:view': ActivitySubject;
  /**
   * Edit (before publication) or cancel (after) an activity: its submitter, or a verified
   * colleague of the organisation it was submitted for. Which move a status allows is the
   * lifecycle's question (activity-lifecycle.ts).
   */
  'activity:edit': ActivitySubject;
  /** Publish, request changes, reject, cancel any activity: curators. */
  'activity:moderate': ActivitySubject;
  // Follow and be told:
  /**
   * Follow, unfollow, switch the digest: only one's own follows; a pitch only while it is
   * public (published or closed), so a draft's existence never leaks into a digest.
   */
  'follow:manage': { userId: string; pitch?: PitchSubject };
  // Content editor: the in-browser editor of cases, instruments, organisations, sources.
  /** Open the editor, write, preview, review and discard drafts: curators and admins. */
  'content:edit': undefined;
  // Matchmaking: suggested employers, invitations, the employer's profile.
  /**
   * See which employers fit a published (or closed) pitch and the invitations sent: verified
   * members of its municipality, and the network's staff (who broker by hand). Nobody else: not
   * employers, visitors or other municipalities.
   */
  'pitch:see-suggestions': PitchSubject;
  /** Invite a suggested employer to a pitch: verified members of its municipality (whether it still takes offers is the service's question). */
  'pitch:invite': PitchSubject;
  /** See the employer's profile and invitation setting: its members (verified or not yet); the network's staff see what it means in the suggestions, not the form. */
  'employer:view-profile': { organisationId: string };
  /** Change the profile and switch invitations on or off: verified members of that employer only. */
  'employer:edit-profile': { organisationId: string };
  /**
   * "Pitches voor u": the open pitches ranked for an employer, with reasons drawn from its
   * offers and its people's follows, which its other members and the public never see: verified
   * members of that employer only.
   */
  'employer:see-matching-pitches': { organisationId: string };
  /** The brokering list (published pitches nobody takes part in after two weeks, with their suggestions and invitations): the network's staff. */
  'curation:broker': undefined;
}

export type Action = keyof PolicySubjects;

/** Every action, for the matrix test and the audit of refusals. */
export const actions = [
  'account:view',
  'account:manage',
  'curation:view',
  'member:verify',
  'organisation:verify',
  'organisation:set-domain',
  'role:assign',
  'pitch:create',
  'offer:create',
  'offer:prepare',
  'pitch:view',
  'pitch:edit',
  'pitch:moderate',
  'pitch:answer-offers',
  'offer:view',
  'offer:manage',
  'curation:undo',
  'suggestion:view',
  'suggestion:handle',
  // Publishing
  'content:publish',
  // From pitch to story:
  'pitch:draft-story',
  // Live pitch session.
  'live:run',
  // Outcome follow-up
  'pitch:report-outcome',
  'activity:create',
  'activity:view',
  'activity:edit',
  'activity:moderate',
  // Follow and be told:
  'follow:manage',
  // Content editor
  'content:edit',
  // Matchmaking
  'pitch:see-suggestions',
  'pitch:invite',
  'employer:view-profile',
  'employer:edit-profile',
  'employer:see-matching-pitches',
  'curation:broker',
] as const satisfies readonly Action[];

/** The subject argument: required where the action names one, absent where it does not. */
export type SubjectArgs<A extends Action> = PolicySubjects[A] extends undefined ? [] : [subject: PolicySubjects[A]];

/** The one way a use case says "not allowed"; actions turn it into a 403 with a Dutch message. */
export const notAllowed = { ok: false, reason: 'forbidden' } as const;
export type NotAllowed = typeof notAllowed;

/** The roles people recognise, derived from role and organisation; used in tests and on pages. */
export type Persona = 'bezoeker' | 'werkgever-onbevestigd' | 'werkgever' | 'gemeente-onbevestigd' | 'gemeente' | 'curator' | 'admin';

export function personaOf(actor: Actor | null): Persona {
  if (!actor) return 'bezoeker';
  if (actor.role === 'admin') return 'admin';
  if (actor.role === 'curator') return 'curator';
  if (actor.organisationKind === 'municipality') return actor.membershipVerified ? 'gemeente' : 'gemeente-onbevestigd';
  return actsForOrganisation(actor) ? 'werkgever' : 'werkgever-onbevestigd';
}

/**
 * May this person act for their organisation (docs/architecture.md)? Only once the membership is
 * verified (by domain or curator) and the organisation itself is (a proposed employer waits
 * for a curator), and the address is confirmed. Until then they can read and prepare.
 */
function actsForOrganisation(actor: Actor): boolean {
  return actor.membershipVerified && actor.organisationVerified && actor.emailVerified;
}

const isStaff = (actor: Actor) => (actor.role === 'curator' || actor.role === 'admin') && actor.emailVerified;

/** A verified member of this municipality (the owner of a pitch or a colleague). */
const speaksFor = (actor: Actor, organisationId: string) => actor.organisationId === organisationId && actsForOrganisation(actor);

/**
 * The submitting side of an activity: the submitter while still able to submit (a member who
 * lost verification cannot act), or a verified colleague of its municipality or employer.
 */
const organisesActivity = (actor: Actor, activity: ActivitySubject) =>
  (activity.submitterId === actor.userId && (isStaff(actor) || actsForOrganisation(actor))) ||
  (activity.organisationId !== null && actor.organisationKind !== 'partner' && speaksFor(actor, activity.organisationId));

/** Statuses everyone may see. */
const publicStatuses: readonly PitchStatus[] = ['published', 'closed'];

/**
 * May anyone, signed in or not, see this pitch? Published and closed pitches are public; the
 * rest is a 'pitch:view' question. (`can` is a type guard for a signed-in actor, so a visitor's
 * "yes" needs this wrapper.) A pitch one may not see answers 404.
 */
export function pitchVisibleTo(actor: Actor | null, pitch: PitchSubject): boolean {
  return publicStatuses.includes(pitch.status) || can(actor, 'pitch:view', pitch);
}

/** May anyone, signed in or not, see this activity? Published and cancelled ones are public. */
export function activityVisibleTo(actor: Actor | null, activity: ActivitySubject): boolean {
  return (publicActivityStatuses as readonly ActivityStatus[]).includes(activity.status) || can(actor, 'activity:view', activity);
}

export function can<A extends Action>(actor: Actor | null, action: A, ...args: SubjectArgs<A>): actor is Actor {
  if (!actor) return false;
  return decide(actor, action, args[0] as PolicySubjects[Action]);
}

function decide(actor: Actor, action: Action, subject: PolicySubjects[Action]): boolean {
  switch (action) {
    case 'account:view':
    case 'account:manage':
      return (subject as PolicySubjects['account:view']).userId === actor.userId;
    case 'curation:view':
    case 'organisation:verify':
    case 'suggestion:view':
    case 'suggestion:handle':
    // Publishing
    case 'content:publish':
    // From pitch to story: turning results into case studies is curation.
    case 'pitch:draft-story':
    // Live pitch session: run by the network's staff.
    case 'live:run':
    // Content editor: curators and admins, with a confirmed address.
    case 'content:edit':
    // Brokering: the network's staff find pitches nobody takes part in.
    case 'curation:broker':
      return isStaff(actor);
    case 'curation:undo':
      return isStaff(actor) && (subject as PolicySubjects['curation:undo']).decidedBy === actor.userId;
    case 'member:verify':
      return isStaff(actor) && (subject as PolicySubjects['member:verify']).userId !== actor.userId;
    case 'organisation:set-domain':
      return isStaff(actor) && (subject as PolicySubjects['organisation:set-domain']).kind !== 'partner';
    case 'role:assign':
      return actor.role === 'admin' && actor.emailVerified && (subject as PolicySubjects['role:assign']).userId !== actor.userId;
    case 'pitch:create':
      return (
        actor.organisationKind === 'municipality' &&
        actsForOrganisation(actor) &&
        (subject as PolicySubjects['pitch:create']).municipalityId === actor.organisationId
      );
    case 'offer:create':
      return actor.organisationKind === 'employer' && actsForOrganisation(actor) && (subject as PolicySubjects['offer:create']).employerId === actor.organisationId;
    case 'offer:prepare':
      return actor.organisationKind === 'employer' && actor.organisationId === (subject as PolicySubjects['offer:prepare']).employerId;
    case 'pitch:view': {
      const pitch = subject as PitchSubject;
      if (publicStatuses.includes(pitch.status)) return true;
      // A draft is the municipality's own; once submitted, curators see it too.
      return (actor.organisationKind === 'municipality' && speaksFor(actor, pitch.municipalityId)) || (isStaff(actor) && pitch.status !== 'draft');
    }
    case 'pitch:edit':
    case 'pitch:answer-offers':
      return actor.organisationKind === 'municipality' && speaksFor(actor, (subject as PitchSubject).municipalityId);
    case 'pitch:moderate':
      return isStaff(actor) && (subject as PitchSubject).status !== 'draft';
    case 'offer:view': {
      const offer = subject as OfferSubject;
      return (
        offer.authorId === actor.userId ||
        (actor.organisationKind === 'employer' && speaksFor(actor, offer.employerId)) ||
        (actor.organisationKind === 'municipality' && speaksFor(actor, offer.pitchMunicipalityId))
      );
    }
    case 'offer:manage': {
      const offer = subject as OfferSubject;
      return offer.authorId === actor.userId || (actor.organisationKind === 'employer' && speaksFor(actor, offer.employerId));
    }
    // Outcome follow-up: the municipality reports on its own closed pitches; a curator reads, never reports.
    case 'pitch:report-outcome': {
      const pitch = subject as PitchSubject;
      return pitch.status === 'closed' && actor.organisationKind === 'municipality' && speaksFor(actor, pitch.municipalityId);
    }
    // Activity calendar.
    case 'activity:create':
      return isStaff(actor) || ((actor.organisationKind === 'municipality' || actor.organisationKind === 'employer') && actsForOrganisation(actor));
    case 'activity:view': {
      const activity = subject as ActivitySubject;
      if ((publicActivityStatuses as readonly ActivityStatus[]).includes(activity.status)) return true;
      return isStaff(actor) || organisesActivity(actor, activity);
    }
    case 'activity:edit':
      return organisesActivity(actor, subject as ActivitySubject);
    case 'activity:moderate':
      return isStaff(actor);
    // Matchmaking.
    case 'pitch:see-suggestions': {
      const pitch = subject as PitchSubject;
      if (!publicStatuses.includes(pitch.status)) return false;
      return isStaff(actor) || (actor.organisationKind === 'municipality' && speaksFor(actor, pitch.municipalityId));
    }
    case 'pitch:invite':
      return actor.organisationKind === 'municipality' && speaksFor(actor, (subject as PitchSubject).municipalityId);
    case 'employer:view-profile': {
      const { organisationId } = subject as PolicySubjects['employer:view-profile'];
      return actor.organisationKind === 'employer' && actor.organisationId === organisationId;
    }
    case 'employer:edit-profile':
      return actor.organisationKind === 'employer' && speaksFor(actor, (subject as PolicySubjects['employer:edit-profile']).organisationId);
    case 'employer:see-matching-pitches':
      return actor.organisationKind === 'employer' && speaksFor(actor, (subject as PolicySubjects['employer:see-matching-pitches']).organisationId);
    // Follow and be told: anyone signed in, for themselves, public pitches only.
    case 'follow:manage': {
      const follow = subject as PolicySubjects['follow:manage'];
      return follow.userId === actor.userId && (!follow.pitch || publicStatuses.includes(follow.pitch.status));
    }
  }
}
