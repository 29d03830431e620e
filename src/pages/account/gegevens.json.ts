/** "Download my data": everything stored about the signed-in person, as JSON (AVG). */
import type { APIRoute } from 'astro';
import { exportUserData } from '#features/accounts/profile.ts';
import { depsFor } from '#web/request.ts';
import { can } from '#domain/policy.ts';
import { followUpAnswersBy } from '#features/marketplace/follow-ups.ts';

export const prerender = false;

export const GET: APIRoute = async (context) => {
  const { user, actor } = context.locals;
  if (!user || !can(actor, 'account:view', { userId: user.id })) return context.redirect('/account/inloggen/?terug=%2Faccount%2F', 303);
  const deps = await depsFor(context);
  // Who gave an outcome follow-up answer is personal: the answers this person gave.
  const data = { ...(await exportUserData(deps, user.id)), resultatenDoorgegeven: await followUpAnswersBy(deps.db, user.id) };
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="praktijkplein-mijn-gegevens.json"',
      'cache-control': 'no-store',
    },
  });
};
