import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueToken, type PersonaName } from '@kim/demo';

export interface FakeOidcProvider {
  readonly url: string;
  /** Token requests whose PKCE verifier did not match the challenge. */
  readonly refusedVerifiers: number;
  /**
   * Visits of the end-session endpoint (only offered with `endSession`): whether the ID token
   * hint was one this provider issued, where it sent the browser back to, and whether with a state.
   */
  readonly signOuts: readonly { knownIdToken: boolean; postLogoutRedirectUri: string | null; withState: boolean }[];
  stop(): Promise<void>;
}

function body(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => resolve(new URLSearchParams(text)));
    req.on('error', reject);
  });
}

/**
 * An identity provider for the console's OpenID Connect test: signs everyone in as `persona`
 * at once (no login form), checks the PKCE verifier against the challenge, and issues the demo
 * IdP's token as the access token — the one the gateway trusts.
 */
export async function startFakeOidcProvider(
  idpPrivateKeyPem: string,
  persona: PersonaName,
  clientId: string,
  options: { endSession?: boolean } = {},
): Promise<FakeOidcProvider> {
  const codes = new Map<string, { challenge: string; nonce: string | null }>();
  const idTokens = new Set<string>();
  const signOuts: { knownIdToken: boolean; postLogoutRedirectUri: string | null; withState: boolean }[] = [];
  let refusedVerifiers = 0;
  let url = '';
  const server = createServer((req, res) => {
    const requestUrl = new URL(req.url ?? '/', url);
    res.setHeader('access-control-allow-origin', '*');
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (requestUrl.pathname === '/.well-known/openid-configuration') {
      json(200, {
        issuer: url,
        authorization_endpoint: `${url}/authorize`,
        token_endpoint: `${url}/token`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        ...(options.endSession ? { end_session_endpoint: `${url}/logout` } : {}),
      });
    } else if (requestUrl.pathname === '/authorize') {
      const q = requestUrl.searchParams;
      if (q.get('client_id') !== clientId || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
        json(400, { error: 'invalid_request' });
        return;
      }
      const code = randomUUID();
      codes.set(code, { challenge: q.get('code_challenge') ?? '', nonce: q.get('nonce') });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      res.end();
    } else if (requestUrl.pathname === '/token' && req.method === 'POST') {
      void body(req).then(async (form) => {
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          refusedVerifiers += 1;
          json(400, { error: 'invalid_grant' });
          return;
        }
        const accessToken = await issueToken(idpPrivateKeyPem, persona);
        const idToken = await issueToken(idpPrivateKeyPem, persona, { issuer: url, audience: clientId });
        idTokens.add(idToken);
        json(200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 3600, scope: 'openid' });
      });
    } else if (requestUrl.pathname === '/logout' && options.endSession) {
      // RP-initiated logout: the session the hint names ends here (the token is no longer known),
      // and the browser goes back where the client asked, with its state.
      const q = requestUrl.searchParams;
      const hint = q.get('id_token_hint') ?? '';
      signOuts.push({ knownIdToken: idTokens.delete(hint), postLogoutRedirectUri: q.get('post_logout_redirect_uri'), withState: q.has('state') });
      const back = q.get('post_logout_redirect_uri');
      if (!back) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('signed out');
        return;
      }
      const target = new URL(back);
      if (q.get('state')) target.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: target.toString() });
      res.end();
    } else {
      json(404, { error: 'not_found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get refusedVerifiers() {
      return refusedVerifiers;
    },
    signOuts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
