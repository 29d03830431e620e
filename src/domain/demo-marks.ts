/**
 * How demo data says it is demo, wherever it shows. A trial install has demo pitches and
 * activities about real municipalities (Zaanstad, Amsterdam …) with made-up employers, offers
 * and results; a reader who meets one of them in a feed, a mail, a chart or a spreadsheet must
 * never take it for something the municipality did or said. So every surface takes its mark
 * from here: one wording, and a title that already says "(demo)" is not marked twice.
 */

/** The mark behind a title or a name. */
export const DEMO_MARK = '(demo)';

const hasMark = (text: string) => /\(demo\)/i.test(text);

/** "Poelenbrug: wie biedt? (demo)" for a demo item; anything else as it is. */
export function withDemoMark(text: string, demo: boolean): string {
  return demo && !hasMark(text) ? `${text} ${DEMO_MARK}` : text;
}

/**
 * The line above a pitch's title. A demo pitch is about a municipality, never from it, so it
 * does not say "Pitch van gemeente …".
 */
export function pitchKicker(pitch: { municipalityName: string; area: string; demo: boolean }): string {
  return pitch.demo
    ? `Demopitch: geen echte pitch van gemeente ${pitch.municipalityName} · ${pitch.area}`
    : `Pitch van gemeente ${pitch.municipalityName} · ${pitch.area}`;
}

/** What a demo pitch page, feed item and mail say about it. */
export function demoPitchNotice(municipalityName: string): string {
  return `Demopitch: een verzonnen voorbeeld. Gemeente ${municipalityName} heeft deze pitch niet geplaatst.`;
}

/**
 * Where a confirmed offer goes, as the offer page says it: a demo pitch's offers go to whoever
 * runs the demo, never to the municipality it is about.
 */
export function offerRecipient(demo: boolean): string {
  return demo ? 'de beheerder van deze demopitch (niet naar de gemeente)' : 'de gemeente';
}

/** After the public count of employers on a demo pitch: they are not real. */
export const DEMO_EMPLOYERS_NOTE = 'verzonnen demowerkgevers';

/**
 * The mark on a number that counts demo items among others (a row of results, a total, a
 * place on the pitch map): nothing without demo, " (demo)" when all of them are demo,
 * " (waarvan 1 demo)" when some are.
 */
export function demoShareMark(demo: number, total: number): string {
  if (demo <= 0) return '';
  return demo >= total ? ` ${DEMO_MARK}` : ` (waarvan ${demo} demo)`;
}

/** Made-up results, said where they stand (a pitch page's table, the results overview). */
export const DEMO_RESULTS_NOTE = 'Verzonnen demoresultaten: deze getallen bestaan niet echt.';

/** Whether none, some or all of the pitches on show are demo (an empty list counts as none). */
function demoSpread(pitches: readonly { demo: boolean }[]): 'none' | 'some' | 'all' {
  const demo = pitches.filter((p) => p.demo).length;
  if (demo === 0) return 'none';
  return demo === pitches.length ? 'all' : 'some';
}

/** Under a heading over pitches that are all demo: of one named municipality, or of several. */
function allDemoNote(count: number, municipalityName?: string): string {
  const made = count === 1 ? 'Deze pitch is een verzonnen voorbeeld.' : 'Deze pitches zijn verzonnen voorbeelden.';
  const it = count === 1 ? 'hem' : 'ze';
  if (municipalityName !== undefined) return `${made} Gemeente ${municipalityName} heeft ${it} niet geplaatst.`;
  return `${made} ${count === 1 ? 'De gemeente die erin staat, heeft' : 'De gemeenten die erin staan, hebben'} ${it} niet geplaatst.`;
}

/** Under a heading over pitches of which some are demo: of one named municipality, or of several. */
function someDemoNote(municipalityName?: string): string {
  return municipalityName === undefined
    ? 'Een pitch met het label Demo is een verzonnen voorbeeld, niet van de gemeente zelf.'
    : `Een pitch met het label Demo is een verzonnen voorbeeld. Gemeente ${municipalityName} heeft die niet geplaatst.`;
}

/**
 * The heading over pitches on the home page. While only demo pitches are on show, it must not
 * read as municipalities asking for help.
 */
export function pitchShowcaseHeading(pitches: readonly { demo: boolean }[]): { heading: string; note: string | null } {
  const spread = demoSpread(pitches);
  if (spread === 'all') return { heading: 'Zo ziet een pitch eruit (demo)', note: allDemoNote(pitches.length) };
  return { heading: 'Gemeenten vragen: wie biedt?', note: spread === 'some' ? someDemoNote() : null };
}

/**
 * The heading and lead of the pitch list (/pitches/), by the pitches on the page. While every
 * pitch shown is demo, it must not read as municipalities asking for help: the lead says what a
 * pitch is and the note that these are made up. With real and demo pitches together the heading
 * names both and the note says which is which.
 */
export function pitchListHeading(pitches: readonly { demo: boolean }[]): { heading: string; lead: string; note: string | null } {
  const spread = demoSpread(pitches);
  const ask = 'mee te doen met banen, leerplekken of begeleiding.';
  if (spread === 'all') {
    return {
      heading: pitches.length === 1 ? 'Zo ziet een pitch eruit (demo)' : 'Zo zien pitches eruit (demo)',
      lead: `In een pitch vraagt een gemeente werkgevers om ${ask}`,
      note: allDemoNote(pitches.length),
    };
  }
  const lead = `Gemeenten vragen werkgevers om ${ask} Kies een pitch en zeg "Ik doe mee".`;
  if (spread === 'some') return { heading: 'Pitches van gemeenten en demopitches', lead, note: someDemoNote() };
  return { heading: 'Pitches van gemeenten', lead, note: null };
}

/**
 * The section over a municipality's pitches on its organisation page. A demo pitch is about the
 * municipality, not from it, so when every pitch on show is demo the heading says "Demopitches
 * over …"; when real and demo pitches stand together it names both, and the note says which is
 * which. The link to the full list (closed pitches too) says "over" once any demo is on show.
 */
export function municipalityPitchesHeading(municipalityName: string, pitches: readonly { demo: boolean }[]): { heading: string; note: string | null; allLink: string } {
  const spread = demoSpread(pitches);
  if (spread === 'all') {
    return { heading: `Demopitches over ${municipalityName}`, note: allDemoNote(pitches.length, municipalityName), allLink: `Alle pitches over ${municipalityName}` };
  }
  if (spread === 'some') {
    return { heading: `Pitches van ${municipalityName} en demopitches`, note: someDemoNote(municipalityName), allLink: `Alle pitches over ${municipalityName}` };
  }
  return { heading: `Pitches van ${municipalityName}`, note: null, allLink: `Alle pitches van ${municipalityName}` };
}

/**
 * The heading over the pitches an employer takes part in (its embed). A demo pitch is made up,
 * so taking part in it is no achievement: when every pitch on show is demo the heading says
 * "Demopitches …", with real ones beside them it names both, and the note says which is which.
 */
export function employerPitchesHeading(employerName: string, pitches: readonly { demo: boolean }[]): { heading: string; note: string | null } {
  const spread = demoSpread(pitches);
  if (spread === 'all') return { heading: `Demopitches met ${employerName}`, note: allDemoNote(pitches.length) };
  if (spread === 'some') return { heading: `Pitches waar ${employerName} aan meedoet, en demopitches`, note: someDemoNote() };
  return { heading: `Pitches waar ${employerName} aan meedoet`, note: null };
}

/** Title and description of the pitch feed, for one municipality or for all, by the same rule. */
export function pitchFeedText(items: readonly { demo: boolean }[], municipalityName?: string): { title: string; description: string } {
  const spread = demoSpread(items);
  const who = municipalityName === undefined ? 'gemeenten' : `gemeente ${municipalityName}`;
  if (spread === 'all') {
    return {
      title: `Praktijkplein: demopitches over ${who}`,
      description: municipalityName === undefined
        ? 'Verzonnen voorbeelden van pitches. De gemeenten die erin staan, hebben ze niet geplaatst.'
        : `Verzonnen voorbeelden van pitches. Gemeente ${municipalityName} heeft ze niet geplaatst.`,
    };
  }
  const what = `uitdagingen waar werkgevers op kunnen reageren.${spread === 'some' ? ' Een pitch met (demo) in de titel is een verzonnen voorbeeld.' : ''}`;
  return {
    title: `Praktijkplein: pitches van ${who}${spread === 'some' ? ' en demopitches' : ''}`,
    description: `Nieuwe pitches van ${who}: ${what}`,
  };
}
