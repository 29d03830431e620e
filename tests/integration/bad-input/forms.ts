/**
 * ("bad input at scale"): every form of the site as a model for fast-check, and
 * the generators of bad input that both bad-input tests (in-process and over HTTP) throw at them.
 * A model names each field the form sends with a few valid values; a generated post takes, per
 * field, a valid value, a bad one, nothing, or several (a repeated field), and adds unknown
 * fields. Bad values: unicode (right-to-left, combining marks, emoji, lone surrogates as form
 * encoding turns them into U+FFFD), control characters and NUL, very long text, numbers and
 * words where another kind of text belongs, markup and SQL, and a file where text belongs
 * (the only other type a form can carry).
 */
import fc from 'fast-check';
import { registrableKinds } from '#domain/accounts.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import { pitchOutcomes } from '#domain/pitch-lifecycle.ts';
import { suggestionKinds } from '#domain/suggestions.ts';
import { activityAudiences, activityKinds } from '#domain/activity-vocabulary.ts';

/** Who posts a form: nobody signed in, or one of the fixture's people. */
export type Persona = 'anonymous' | 'member' | 'owner' | 'employer' | 'curator';

/** One value a form field carries: text, or a file (multipart forms only). */
export type FieldValue = string | { file: string };

/** A generated post: fields in order (a name may repeat), as the browser would send them. */
export type Post = [name: string, value: FieldValue][];

export interface FormModel {
  /** The action's name, as in `?_action=` and `/_actions/`. */
  action: string;
  /** Who normally posts it (other people are tried too). */
  persona: Persona;
  /** The page that hosts the form (for the HTTP test): it re-renders with the messages. */
  page: string;
  /** Each field with its valid values (a list: checkbox groups send several). */
  fields: Record<string, fc.Arbitrary<string[]>>;
  /** Fields a person types whose value the re-rendered form puts back after a refusal. */
  kept?: string[];
  /** A use case may change state on success that later runs depend on: such actions run last. */
  destructive?: boolean;
}

/** Ids the forms refer to: the fixture each test builds before throwing input at the forms. */
export interface FixtureIds {
  pitchId: string;
  draftId: string;
  submittedId: string;
  offerId: string;
  pendingUserId: string;
  pendingOrganisationId: string;
  suggestionId: string;
  memberEmail: string;
  /** Live pitch session. */
  liveSessionId: string;
  /** A pitch closed with a match 100 days ago: its 3-month question is open. */
  closedPitchId: string;
  /** A submitted activity of the member (activity calendar). */
  activityId: string;
}

const one = (...values: string[]) => fc.constantFrom(...values).map((value) => [value]);
const some = (ids: readonly string[]) => fc.subarray([...ids], { minLength: 1 });
const freshEmail = fc.nat({ max: 1_000_000 }).map((n) => [`nieuw${n}@voorbeeld.nl`]);
const today = new Date();
const inDays = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const strongPassword = 'een lange zin als wachtwoord';
/** The activity form's fields with valid values (submit and edit send the same). */
const activityFields: Record<string, fc.Arbitrary<string[]>> = {
  title: one('Meet & greet in Zaandam'),
  kind: fc.constantFrom(...activityKinds.ids).map((kind) => [kind]),
  description: one('Werkgevers en de gemeente maken kennis met elkaar, bij de koffie.'),
  startDate: one(inDays(30)),
  startTime: one('14:00', '9.30'),
  endDate: one('', inDays(31)),
  endTime: one('16:00'),
  allDay: one('', 'true'),
  place: one('Zaandam', 'Wijkcentrum, Zaandam'),
  onlineUrl: one('', 'https://voorbeeld.nl/live'),
  organiserName: one('Zaanstad'),
  audiences: some(activityAudiences.ids),
  targetGroups: fc.subarray([...targetGroups.ids]),
  sectors: fc.subarray([...sectors.ids]),
};

/** The offer form's fields (signed in and in the register-and-offer form). */
const offerFields = {
  helpKinds: some(helpKinds.ids),
  places: one('3', '', '1000'),
  startsOn: one('', inDays(20)),
  support: one('Een buddy op de werkvloer', ''),
  message: one('Wij doen mee!', ''),
  showName: one('true'),
};

/** Every form action of src/actions/index.ts, with the page that shows its messages. */
export function formModels(ids: FixtureIds): FormModel[] {
  const pitchPage = `/pitches/${ids.pitchId}`;
  return [
    {
      action: 'account.register',
      persona: 'anonymous',
      page: '/account/registreren/?soort=gemeente',
      fields: {
        name: one('Fatima Bakker', 'Özlem Çelik'),
        email: freshEmail,
        password: one(strongPassword, 'kort'),
        kind: fc.constantFrom(...registrableKinds).map((kind) => [kind]),
        municipality: one('Zaanstad', 'Zaandam', 'Utrecht', ''),
        employer: one('postnl', 'asito', ''),
        newEmployerName: one('Bakkerij de Korenschoof', ''),
      },
      kept: ['name', 'email'],
    },
    { action: 'account.confirmEmail', persona: 'anonymous', page: '/account/bevestigen/?token=x', fields: { token: one('x', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA') } },
    { action: 'account.resendVerification', persona: 'member', page: '/account/', fields: {} },
    {
      action: 'account.login',
      persona: 'anonymous',
      page: '/account/inloggen/',
      fields: { email: one(ids.memberEmail, 'onbekend@voorbeeld.nl'), password: one('verkeerd wachtwoord', strongPassword), next: one('/account/', '//evil.example/', 'javascript:alert(1)', '') },
      kept: ['email'],
    },
    { action: 'account.requestReset', persona: 'anonymous', page: '/account/wachtwoord-vergeten/', fields: { email: one(ids.memberEmail, 'onbekend@voorbeeld.nl') }, kept: ['email'] },
    { action: 'account.resetPassword', persona: 'anonymous', page: '/account/wachtwoord-herstellen/?token=x', fields: { token: one('x'), password: one(strongPassword, 'kort') } },
    {
      action: 'account.changePassword',
      persona: 'member',
      page: '/account/wachtwoord/',
      // Never the right current password: the fixture's people keep theirs.
      fields: { currentPassword: one('niet het goede wachtwoord'), newPassword: one('een andere lange zin als wachtwoord', 'kort') },
    },
    { action: 'account.requestEmailChange', persona: 'member', page: '/account/e-mailadres/', fields: { password: one('niet het goede wachtwoord'), email: freshEmail }, kept: ['email'] },
    { action: 'account.confirmEmailChange', persona: 'anonymous', page: '/account/e-mailadres-bevestigen/?token=x', fields: { token: one('x') } },
    { action: 'account.deleteAccount', persona: 'member', page: '/account/verwijderen/', fields: { password: one('niet het goede wachtwoord'), confirm: one('on', 'off') } },
    {
      action: 'curation.verifyMember',
      persona: 'curator',
      page: '/beheer/',
      fields: { userId: one(ids.pendingUserId, 'onbekend'), decision: one('confirm', 'reject'), reason: one('Geen medewerker van deze organisatie.', ''), returnTo: one('/beheer/live/onbekend/', '//elders.example/') },
      destructive: true,
    },
    {
      action: 'curation.verifyOrganisation',
      persona: 'curator',
      page: '/beheer/',
      fields: { organisationId: one(ids.pendingOrganisationId, 'postnl'), decision: one('confirm', 'reject'), reason: one('Dit is geen werkgever.', ''), returnTo: one('/beheer/live/onbekend/', '//elders.example/') },
      destructive: true,
    },
    { action: 'curation.undo', persona: 'curator', page: '/beheer/', fields: { decisionId: one('onbekend', '1') } },
    { action: 'curation.setDomain', persona: 'curator', page: '/beheer/', fields: { organisation: one('zaanstad', 'postnl', ''), domain: one('zaanstad.nl', 'gmail.com', 'geen domein') } },
    { action: 'offers.create', persona: 'employer', page: `${pitchPage}/meedoen/`, fields: { pitchId: one(ids.pitchId, 'pitch-onbekend'), ...offerFields }, kept: ['places', 'support', 'message'] },
    {
      action: 'offers.createWithAccount',
      persona: 'anonymous',
      page: `${pitchPage}/meedoen/`,
      fields: {
        pitchId: one(ids.pitchId, 'pitch-onbekend'),
        ...offerFields,
        name: one('Piet Jansen'),
        email: freshEmail,
        password: one(strongPassword, 'kort'),
        employer: one('postnl', 'asito', ''),
        newEmployerName: one('Bakkerij de Korenschoof', ''),
      },
    },
    { action: 'offers.edit', persona: 'employer', page: `${pitchPage}/meedoen/`, fields: { offerId: one(ids.offerId, 'onbekend'), version: one('1', '2', '99'), ...offerFields } },
    {
      action: 'offers.answer',
      persona: 'owner',
      page: `${pitchPage}/aanbod/`,
      fields: { offerId: one(ids.offerId), version: one('1', '2', '99'), answer: one('shortlist', 'accept', 'decline'), message: one('Welkom!', '') },
    },
    {
      action: 'pitches.save',
      persona: 'owner',
      page: '/pitches/nieuw/',
      fields: {
        pitchId: one(ids.draftId, ''),
        version: one('1', '2'),
        intent: one('draft', 'preview'),
        title: one('Werk in de Poelenbrug'),
        municipality: one('zaanstad', 'utrecht'),
        area: one('Poelenbrug'),
        challenge: one('In de Poelenbrug zoeken veel mensen werk dat bij ze past.'),
        ask: one('Banen en werkervaringsplaatsen'),
        helpKinds: some(helpKinds.ids),
        targetGroups: some(targetGroups.ids),
        sectors: fc.subarray([...sectors.ids]),
        peopleSought: one('10', ''),
        closingDate: one(inDays(60)),
        contactName: one('Carla Contact'),
        contactRole: one('Accountmanager', ''),
        contactEmail: one('contact@zaanstad.nl'),
        contactPhone: one('075 655 1234', ''),
      },
      kept: ['title', 'area', 'challenge', 'ask', 'contactName', 'contactRole', 'contactEmail', 'contactPhone'],
    },
    { action: 'pitches.submit', persona: 'owner', page: `/pitches/${ids.draftId}/voorbeeld/`, fields: { pitchId: one(ids.draftId), version: one('1', '2', '99') } },
    {
      action: 'pitches.moderate',
      persona: 'curator',
      page: '/beheer/pitches/',
      fields: {
        pitchId: one(ids.submittedId),
        version: one('99', '1'),
        decision: one('publish', 'request-changes', 'reject', 'feature', 'unfeature'),
        note: one('Noem de wijk.', ''),
      },
      destructive: true,
    },
    {
      action: 'followUps.answer',
      persona: 'owner',
      page: `/pitches/${ids.closedPitchId}/resultaat/`,
      fields: { pitchId: one(ids.closedPitchId, 'pitch-onbekend'), monthsAfter: one('3', '6', '12'), started: one('4', '0', '12'), stillWorking: one('3', '0', '20') },
      kept: ['started', 'stillWorking'],
    },
    {
      action: 'suggestions.submit',
      persona: 'anonymous',
      page: '/aandragen/',
      fields: {
        kind: fc.constantFrom(...suggestionKinds).map((kind) => [kind]),
        message: one('Bij ons werkt een bakkerij met vier mensen uit de bijstand.'),
        name: one('Fatima Bakker'),
        email: one('fatima@voorbeeld.nl'),
        organisation: one('Bakkerij de Korenschoof', ''),
        about: one('/praktijkvoorbeelden/postnl-pakketsorteercentra/', ''),
      },
      kept: ['message', 'name', 'email', 'organisation'],
    },
    { action: 'suggestions.mark', persona: 'curator', page: '/beheer/suggesties/', fields: { suggestionId: one(ids.suggestionId, 'onbekend'), handled: one('yes', 'no') } },
    // Live pitch session.
    {
      action: 'live.open',
      persona: 'curator',
      page: '/beheer/live/nieuw/',
      fields: { title: one('Werkconferentie Zaanstad', 'x'), pitchIds: fc.subarray([ids.pitchId, ids.draftId, 'onbekend'], { minLength: 0 }) },
    },
    { action: 'live.show', persona: 'curator', page: `/beheer/live/${ids.liveSessionId}/`, fields: { sessionId: one(ids.liveSessionId, 'onbekend'), pitchId: one(ids.pitchId, 'onbekend') } },
    { action: 'live.end', persona: 'curator', page: `/beheer/live/${ids.liveSessionId}/`, fields: { sessionId: one(ids.liveSessionId, 'onbekend') }, destructive: true },
    // Publishing: revert a revision that does not exist (the fixture has none).
    { action: 'publishing.revert', persona: 'curator', page: '/beheer/inhoud/geschiedenis/', fields: { revisionId: one('onbekend', '0123456789abcdef0123456789abcdef') } },
    { action: 'offers.withdraw', persona: 'employer', page: '/account/mijn-aanbod/', fields: { offerId: one(ids.offerId, 'onbekend'), version: one('99', '1') }, destructive: true },
    {
      action: 'offers.closePitch',
      persona: 'owner',
      page: `${pitchPage}/aanbod/`,
      fields: { pitchId: one(ids.pitchId), version: one('99', '1'), outcome: fc.constantFrom(...pitchOutcomes).map((o) => [o]), peoplePlaced: one('0', '3') },
      destructive: true,
    },
    // Activity calendar.
    {
      action: 'activities.submit',
      persona: 'member',
      page: '/activiteiten/nieuw/',
      fields: activityFields,
      kept: ['title', 'description', 'place', 'onlineUrl', 'organiserName'],
    },
    {
      action: 'activities.edit',
      persona: 'member',
      page: `/activiteiten/${ids.activityId}/bewerken/`,
      fields: { activityId: one(ids.activityId, 'onbekend'), version: one('1', '99'), ...activityFields },
    },
    {
      action: 'activities.decide',
      persona: 'curator',
      page: '/beheer/activiteiten/',
      fields: {
        activityId: one(ids.activityId),
        version: one('99', '1', '2'),
        decision: one('publish', 'request-changes', 'reject', 'cancel'),
        note: one('Noem de plaats.', ''),
        from: one('moderation', 'activity'),
      },
      destructive: true,
    },
    // Follow and be told.
    {
      action: 'follows.follow',
      persona: 'member',
      page: '/account/volgen/',
      fields: { kind: one('municipality', 'sector', 'pitch', 'planeet'), value: one('zaanstad', 'logistiek', ids.pitchId, 'onbekend'), next: one(`${pitchPage}/`, '//evil.example/', '') },
    },
    { action: 'follows.unfollow', persona: 'member', page: '/account/volgen/', fields: { kind: one('municipality', 'region'), value: one('zaanstad', 'onbekend'), next: one('', '/account/volgen/') } },
    { action: 'follows.digest', persona: 'member', page: '/account/volgen/', fields: { digest: one('on', 'off', 'misschien') } },
    {
      action: 'follows.delivery',
      persona: 'member',
      page: '/account/volgen/',
      fields: { kind: one('municipality', 'sector', 'pitch', 'planeet'), value: one('zaanstad', 'logistiek', ids.pitchId, 'onbekend'), delivery: one('immediate', 'weekly', 'none', 'soms') },
    },
    // Content editor: drafts in the database, never a file; unknown drafts answer 404.
    {
      action: 'editor.saveCase',
      persona: 'curator',
      page: '/beheer/inhoud/praktijkvoorbeeld/nieuw/',
      fields: {
        isNew: one('true'),
        id: fc.nat({ max: 1_000_000 }).map((n) => [`onzin-voorbeeld-${n}`]),
        title: one('Een voorbeeld om te proberen'),
        summary: one('Een werkgever en een gemeente werkten samen aan banen in de wijk.'),
        municipalities: one('Zaandam', 'Atlantis'),
        employers: one('PostNL', ''),
        sectors: some(sectors.ids),
        evidence: one('ervaring'),
        status: one('lopend'),
        sources: one('werkconferentie-werkgevers-en-gemeenten.txt'),
        published: one(inDays(0)),
        body: one('## De situatie\n\nTekst.', '{process.exit()}'),
      },
    },
    // the instrument form, stances as four parallel repeated fields.
    {
      action: 'editor.saveInstrument',
      persona: 'curator',
      page: '/beheer/inhoud/instrument/nieuw/',
      fields: {
        isNew: one('true'),
        id: fc.nat({ max: 1_000_000 }).map((n) => [`onzin-instrument-${n}`]),
        title: one('Een instrument om te proberen'),
        summary: one('Een instrument waarmee een gemeente werkgevers helpt om mensen aan het werk te krijgen.'),
        stanceMunicipality: one('Utrecht', 'Atlantis', ''),
        stanceStatement: one('Het programma wil dit instrument vaker inzetten.', ''),
        stanceEvidence: one('ambitie', 'gerucht', ''),
        stanceSource: one('utrecht-verkiezingsprogramma-werk.txt', ''),
        targetGroups: some(targetGroups.ids),
        organisations: one('PostNL', 'Nergensbond', ''),
        sources: one('utrecht-verkiezingsprogramma-werk.txt'),
        published: one(inDays(0)),
        body: one('## Wat is het?\n\nTekst.', '{process.exit()}'),
      },
    },
    // one organisation of organisations.yaml.
    {
      action: 'editor.saveOrganisation',
      persona: 'curator',
      page: '/beheer/inhoud/organisatie/nieuw/',
      fields: {
        isNew: one('true', ''),
        id: fc.nat({ max: 1_000_000 }).map((n) => [`onzin-organisatie-${n}`]),
        name: one('Een organisatie om te proberen', 'PostNL'),
        kind: one('employer', 'partner', 'municipality'),
        description: one('Volgens de bron een werkgever in de regio.', ''),
        sectors: some(sectors.ids),
        sources: one('werkconferentie-werkgevers-en-gemeenten.txt', 'bestaat-niet.txt'),
        baseHash: one('0'.repeat(64)),
      },
    },
    // one entry of sources.yaml.
    {
      action: 'editor.saveSource',
      persona: 'curator',
      page: '/beheer/inhoud/bron/nieuw/',
      fields: {
        isNew: one('true', ''),
        id: one('werkconferentie-werkgevers-en-gemeenten.txt', 'verzonnen.txt'),
        title: one('Een bron om te proberen'),
        publisher: one('Een uitgever'),
        kind: one('verslag', 'verkiezingsprogramma', 'roddel'),
        dateText: one('', 'donderdag 21 maart'),
        dateIso: one('', '03-21', '2026-13-45'),
        supports: one('Deze bron ondersteunt een paar dingen op de site.', 'kort'),
        url: one('', 'https://www.example.org/verslag', 'javascript:alert(1)'),
        location: one('', 'Op te vragen bij het netwerk'),
        baseHash: one('0'.repeat(64)),
      },
    },
    { action: 'editor.retire', persona: 'curator', page: '/beheer/inhoud/praktijkvoorbeeld/postnl-pakketsorteercentra/van-de-site/', fields: { contentId: one('postnl-pakketsorteercentra', 'bestaat-niet'), title: one('PostNL'), baseHash: one('0'.repeat(64)), reason: one('De bron is ingetrokken door de schrijver.') } },
    { action: 'editor.publish', persona: 'curator', page: '/beheer/inhoud/concept/onbekend/', fields: { draftId: one('onbekend'), version: one('1', '99') } },
    { action: 'editor.requestReview', persona: 'curator', page: '/beheer/inhoud/concept/onbekend/', fields: { draftId: one('onbekend'), reviewerId: one('onbekend') } },
    { action: 'editor.review', persona: 'curator', page: '/beheer/inhoud/concept/onbekend/', fields: { draftId: one('onbekend'), note: one('Prima.', ''), decision: one('approve', 'comment') } },
    { action: 'editor.discard', persona: 'curator', page: '/beheer/inhoud/concept/onbekend/', fields: { draftId: one('onbekend') } },
    { action: 'editor.draftFromPitch', persona: 'curator', page: '/beheer/pitches/', fields: { pitchId: one('onbekend') } },
    // Matchmaking: the employer's profile, an invitation, and the answers from an invitation's link.
    {
      action: 'matchmaking.saveProfile',
      persona: 'employer',
      page: '/account/werkgeversprofiel/',
      fields: {
        sectors: fc.subarray([...sectors.ids]),
        regions: fc.subarray(['zaanstreek-waterland', 'groot-amsterdam']),
        provinces: fc.subarray(['noord-holland', 'utrecht']),
        helpKinds: fc.subarray(['banen', 'werkervaringsplaatsen', 'mentor-buddy']),
        allowsInvitations: one('true', ''),
      },
    },
    {
      action: 'matchmaking.invite',
      persona: 'owner',
      page: `${pitchPage}/werkgevers/`,
      fields: { pitchId: one(ids.pitchId, 'pitch-onbekend'), employerId: one('asito', 'postnl', 'onbekend'), note: one('Doet u mee met onze pitch?', '') },
    },
    { action: 'matchmaking.decline', persona: 'anonymous', page: '/uitnodiging/?t=x', fields: { token: one('x', 'AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA') } },
    {
      action: 'matchmaking.giveReason',
      persona: 'anonymous',
      page: '/uitnodiging/?t=x',
      fields: { token: one('x', 'AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), reason: one('Geen plek dit jaar.', '') },
    },
    { action: 'account.logoutEverywhere', persona: 'member', page: '/account/', fields: {}, destructive: true },
    { action: 'account.logout', persona: 'member', page: '/account/', fields: {}, destructive: true },
  ];
}

/** Texts that have broken forms elsewhere: scripts, direction marks, NUL, numbers as text, markup, SQL. */
const nastyConstants = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Egnp.exe',
  '\u200F\u200E\u200B\uFEFF',
  'שלום עולם',
  'مرحبا بالعالم',
  'e\u0301\u0301\u0301\u0301',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̔ͮ̇͐̇',
  '👩‍👩‍👧‍👦🇳🇱',
  '\uD800',
  'x\uDFFFy',
  '\uFFFD',
  '\r\n\r\n',
  '\t\v\f',
  '\u001b[31m',
  '0',
  '-1',
  '1e309',
  'NaN',
  '9007199254740993',
  'true',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE users; --",
  '%00%ff',
  '../../etc/passwd',
  '{{7*7}}',
  'a@b',
  'naam@voorbeeld.nl\r\nBcc: iemand@voorbeeld.nl',
];

/** Text of any kind: graphemes (emoji, combining), any code point (control, surrogates), constants. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nastyConstants) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  // Very long: a short piece repeated, up to 12,000 characters (over every field's limit).
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), fc.integer({ min: 50, max: 3000 })).map(([piece, times]) => piece.repeat(times)) },
);

/** A value for one field: usually valid or bad, sometimes missing, repeated, or a file. */
function fieldValues(valid: fc.Arbitrary<string[]>, withFiles: boolean, validWeight: number): fc.Arbitrary<FieldValue[]> {
  const text: fc.Arbitrary<FieldValue[]> = fc.oneof(
    { weight: validWeight, arbitrary: valid },
    { weight: 3, arbitrary: nastyText.map((value) => [value]) },
    // Valid with something odd around it, so odd text also gets past the checks into storage.
    { weight: 3, arbitrary: fc.tuple(valid, nastyText, fc.boolean()).map(([values, odd, before]) => values.map((value) => (before ? odd + value : value + odd))) },
    { weight: 1, arbitrary: fc.constant<FieldValue[]>([]) },
    { weight: 1, arbitrary: fc.array(fc.oneof(valid.map((v) => v[0] ?? ''), nastyText), { minLength: 2, maxLength: 4 }) },
  );
  if (!withFiles) return text;
  return fc.oneof({ weight: 20, arbitrary: text }, { weight: 1, arbitrary: nastyText.map((content) => [{ file: content }]) });
}

/** Field names nobody asked for, including ones that look like the form's own (Astro reads `a.b` as nesting). */
function unknownNames(model: FormModel): fc.Arbitrary<string> {
  const own = Object.keys(model.fields);
  return fc.oneof(
    fc.constantFrom('role', 'isAdmin', '__proto__', 'constructor', '_action', 'id', 'userId', 'status', 'organisationId'),
    own.length > 0 ? fc.constantFrom(...own).map((name) => `${name}.x`) : fc.constant('x.y'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  );
}

/** A generated post for a form: its fields (each valid, bad, missing or repeated) and unknown ones. */
export function postFor(model: FormModel, options: { files?: boolean } = {}): fc.Arbitrary<Post> {
  const names = Object.keys(model.fields);
  // Half the posts are nearly valid (one odd field at most, mostly): they get past the checks into the use case and storage.
  const fields = (validWeight: number) => fc.tuple(...names.map((name) => fieldValues(model.fields[name]!, options.files ?? true, validWeight)));
  const perField = fc.oneof(fields(5), fields(60));
  const extra = fc.array(fc.tuple(unknownNames(model), nastyText), { maxLength: 3 });
  return fc.tuple(names.length > 0 ? perField : fc.constant([] as FieldValue[][]), extra).map(([values, unknown]) => {
    const post: Post = [];
    names.forEach((name, i) => {
      for (const value of values[i] ?? []) post.push([name, value]);
    });
    for (const [name, value] of unknown) post.push([name, value]);
    return post;
  });
}

/** The post as FormData (a file becomes a Blob with a name, as a multipart upload arrives). */
export function toFormData(post: Post): FormData {
  const form = new FormData();
  for (const [name, value] of post) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value.file], { type: 'text/plain' }), 'bestand.txt');
  }
  return form;
}

/** zod's own (English) messages: a person must never see one. */
export const zodDefaultMessage = /^(Invalid|Too (big|small)|Unrecognized|Expected)/;

/** Where a run failed, printed with the seed so it can be replayed. */
export const seedOf = () => Number(process.env.BAD_INPUT_SEED ?? Date.now() % 2_147_483_647);
