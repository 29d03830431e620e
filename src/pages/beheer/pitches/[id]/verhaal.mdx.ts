/**
 * "Maak er een praktijkvoorbeeld van": a closed, matched pitch as a draft case
 * study (MDX) for curators to download. Everyone else is refused with a Dutch message: a visitor
 * is sent to log in, a signed-in non-curator gets 403, an unknown pitch 404, and a pitch that is
 * not closed with a match 409.
 */
import type { APIRoute } from 'astro';
import { draftStoryForPitch } from '#features/marketplace/pitch-story-download.ts';
import { storyRefusalMessage } from '#features/marketplace/pitch-story.ts';
import { caseFormFileText } from '#features/editor/case-form.ts';
import { safeReturnPath } from '#web/return-path.ts';
import { depsFor } from '#web/request.ts';

export const prerender = false;

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export const GET: APIRoute = async (context) => {
  const { actor } = context.locals;
  const result = await draftStoryForPitch(await depsFor(context), actor, context.params.id ?? '');
  if (result.ok) {
    // The editor's one case serializer writes the file, with the notes for the curator as comments.
    return new Response(caseFormFileText(result.form, result.notes), {
      headers: {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="${result.fileName}"`,
        'cache-control': 'no-store',
      },
    });
  }
  switch (result.reason) {
    case 'not-found':
      return text('Deze pagina bestaat niet.', 404);
    case 'forbidden':
      if (!actor) return context.redirect(`/account/inloggen/?terug=${encodeURIComponent(safeReturnPath(context.url.pathname))}`, 303);
      return text('Alleen curatoren en beheerders van Praktijkplein maken van een pitch een praktijkvoorbeeld.', 403);
    default:
      return text(storyRefusalMessage[result.reason], 409);
  }
};
