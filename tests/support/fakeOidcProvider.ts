import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueToken, type PersonaName } from '@kim/demo';

export interface FakeOidcProvider {
  readonly url: string;
  /** Token requests whose PKCE verifier did not match the challenge. */
  readonly refusedVerifiers: number;
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
export async function startFakeOidcProvider(idpPrivateKeyPem: string, persona: PersonaName, clientId: string): Promise<FakeOidcProvider> {
  const codes = new Map<string, { challenge: string; nonce: string | null }>();
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
        json(200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 3600, scope: 'openid' });
      });
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
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
