import type { ApiMethod, BareApp } from './bare-app.js';
import { OWNER } from './bare-app.js';
import { bootDataOf } from './harness.js';

/**
 * Opens the app as another BigCommerce user of the store (their load callback adds them as a
 * plain member, as BigCommerce's would) and signs them in: `api()` sends with their token.
 */
export async function signInMember(t: BareApp, user: { id: number; email: string }) {
  const page = await t.http.get('/load').query({ signed_payload_jwt: t.sign({ user: { ...user, locale: 'en-US' }, owner: OWNER }) });
  if (page.status !== 200) throw new Error(`load as ${user.email}: ${page.status} ${page.text.slice(0, 200)}`);
  const session = await t.http.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode });
  if (session.status !== 200) throw new Error(`session for ${user.email}: ${session.status} ${session.text.slice(0, 200)}`);
  const token = String(session.body.token);
  const api = (method: ApiMethod, path: string, body?: object) => {
    const r = t.http[method](path).set('Authorization', `Bearer ${token}`);
    return body ? r.send(body) : r;
  };
  return { token, api, user: session.body.user as { id: number; email: string; role: string; canManage: boolean } };
}
