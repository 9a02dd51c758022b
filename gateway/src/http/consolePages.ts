import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { ConsoleController, ConsoleOidc } from '../env.ts';

/**
 * The console's pages may load their own scripts, styles, images and fonts, and talk to this
 * origin only: no inline script, no CDN, no frame. The API keeps its own `default-src 'none'`.
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** With OpenID Connect, the console also talks to the identity provider (discovery, token). */
export function consoleCsp(oidc?: ConsoleOidc): string {
  return oidc ? CONSOLE_CSP.replace("connect-src 'self'", `connect-src 'self' ${new URL(oidc.authority).origin}`) : CONSOLE_CSP;
}

/** A persona the demo sign-in offers (no secrets: the key stays with the launcher). */
export interface DemoPersona {
  readonly id: string;
  readonly agency: string;
  readonly role: string;
  readonly team?: string;
  readonly purposes: readonly string[];
}

/**
 * Demo sign-in, wired in by the demo launcher only: the gateway itself never mints tokens, so a
 * gateway started from its own configuration (production) has no such endpoint.
 */
export interface DemoSignIn {
  readonly personas: readonly DemoPersona[];
  issue(persona: string): Promise<string>;
}

export interface ConsoleOptions {
  /** The console's built files (index.html and assets/). */
  readonly dir: string;
  readonly demoSignIn?: DemoSignIn;
  /** Sign-in through the identity provider (authorisation code with PKCE, in the browser). */
  readonly oidc?: ConsoleOidc;
  /** The controller that the console's letters (the Art. 15 letter) name; none: they say it is not configured. */
  readonly controller?: ConsoleController;
}

/** Mounts the console at `/` (and the demo sign-in under `/demo/` when given). */
export function mountConsole(app: Express, options: ConsoleOptions): void {
  const csp = consoleCsp(options.oidc);
  const consoleHeaders: RequestHandler = (_req, res, next) => {
    res.set('content-security-policy', csp);
    next();
  };
  // What the console needs to know before sign-in; public, no secrets (a public client, PKCE; the
  // controller's letterhead).
  app.get('/console-config.json', (_req, res) => {
    res.json({ oidc: options.oidc ?? null, controller: options.controller ?? null });
  });
  if (options.demoSignIn) {
    const signIn = options.demoSignIn;
    app.get('/demo/personas', (_req, res) => {
      res.json({ personas: signIn.personas });
    });
    app.post('/demo/sign-in', express.json({ limit: '1kb' }), async (req, res) => {
      const persona: unknown = (req.body as { persona?: unknown } | undefined)?.persona;
      if (typeof persona !== 'string' || !signIn.personas.some((p) => p.id === persona)) {
        res.status(400).json({ errors: [{ message: 'Unknown persona.', extensions: { code: 'BAD_USER_INPUT', argument: 'persona' } }] });
        return;
      }
      res.json({ token: await signIn.issue(persona) });
    });
  }
  if (!existsSync(join(options.dir, 'index.html'))) throw new Error(`the console is not built: ${options.dir}/index.html is missing`);
  const index = join(options.dir, 'index.html');
  app.use(consoleHeaders, express.static(options.dir, { index: 'index.html', fallthrough: true }));
  // The console routes in the URL's fragment; `/` and `/index.html` are its only page.
  app.get('/', consoleHeaders, (_req, res) => res.sendFile(index));
}
