/** "Download my data": everything stored about the signed-in person, as JSON (AVG). */
import type { APIRoute } from 'astro';
import { exportUserData } from '../../accounts/profile.ts';
import { depsFor } from '../../server/request.ts';
import { can } from '../../domain/policy.ts';

export const prerender = false;

export const GET: APIRoute = async (context) => {
  const { user, actor } = context.locals;
  if (!user || !can(actor, 'account:view', { userId: user.id })) return context.redirect('/account/inloggen/?terug=%2Faccount%2F', 303);
  const data = await exportUserData(await depsFor(context), user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="praktijkplein-mijn-gegevens.json"',
      'cache-control': 'no-store',
    },
  });
};
