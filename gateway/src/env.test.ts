import { describe, expect, it } from 'vitest';
import { readGatewayConfig } from './env.ts';
import { DEFAULT_RATE_LIMIT } from './limits/agencyRateLimiter.ts';
import { DEFAULT_OPERATION_LIMITS } from './limits/operationLimits.ts';

const secret = Buffer.alloc(32, 1).toString('base64url');
const required: Record<string, string> = {
  KIM_JWT_PUBLIC_KEY: 'pem',
  ...Object.fromEntries(['CASE_REGISTRY', 'IMMIGRATION_OFFICE', 'JOBCENTER', 'WELFARE', 'CONSENT'].map((s) => [`KIM_ASSERTION_KEY_${s}`, secret])),
};

describe('readGatewayConfig: limits', () => {
  it('takes the defaults without variables', () => {
    const config = readGatewayConfig(required);
    expect(config.limits).toEqual(DEFAULT_OPERATION_LIMITS);
    expect(config.rateLimit).toEqual(DEFAULT_RATE_LIMIT);
  });

  it('reads each limit from its variable', () => {
    const config = readGatewayConfig({
      ...required,
      KIM_MAX_DEPTH: '4',
      KIM_MAX_ALIASES: '5',
      KIM_MAX_DIRECTIVES: '6',
      KIM_MAX_TOKENS: '70',
      KIM_MAX_COST: '800',
      KIM_RATE_LIMIT_CAPACITY: '90',
      KIM_RATE_LIMIT_REFILL_PER_MINUTE: '10',
    });
    expect(config.limits).toEqual({ maxDepth: 4, maxAliases: 5, maxDirectives: 6, maxTokens: 70, maxCost: 800 });
    expect(config.rateLimit).toEqual({ capacity: 90, refillPerMinute: 10, userCapacity: 22, userRefillPerMinute: 2 });
    expect(readGatewayConfig({ ...required, KIM_RATE_LIMIT_USER_CAPACITY: '7', KIM_RATE_LIMIT_USER_REFILL_PER_MINUTE: '3' }).rateLimit).toMatchObject({ userCapacity: 7, userRefillPerMinute: 3 });
  });

  it.each(['KIM_MAX_DEPTH', 'KIM_MAX_COST', 'KIM_RATE_LIMIT_CAPACITY', 'KIM_RATE_LIMIT_USER_CAPACITY', 'KIM_AUTH_FAILURE_CAPACITY'])('refuses to start on a bad %s, naming it', (variable) => {
    expect(() => readGatewayConfig({ ...required, [variable]: '0' })).toThrow(variable);
    expect(() => readGatewayConfig({ ...required, [variable]: 'lots' })).toThrow(variable);
  });
});

describe('readGatewayConfig: assertion keys', () => {
  it('needs one key per service, of at least 32 bytes, and names the one missing or short', () => {
    const { KIM_ASSERTION_KEY_WELFARE: _welfare, ...withoutWelfare } = required;
    expect(() => readGatewayConfig(withoutWelfare)).toThrow('KIM_ASSERTION_KEY_WELFARE');
    expect(() => readGatewayConfig({ ...required, KIM_ASSERTION_KEY_CONSENT: 'c2hvcnQ' })).toThrow('KIM_ASSERTION_KEY_CONSENT');
  });
});

describe('readGatewayConfig: the web console', () => {
  it('serves no console and offers no sign-in unless configured', () => {
    const config = readGatewayConfig(required);
    expect(config.consoleDir).toBeUndefined();
    expect(config.consoleOidc).toBeUndefined();
  });

  it('reads the OpenID Connect provider of the console, scope openid by default', () => {
    const config = readGatewayConfig({ ...required, KIM_CONSOLE_DIR: '/srv/console', KIM_OIDC_AUTHORITY: 'https://idp.example/realms/kim', KIM_OIDC_CLIENT_ID: 'kim-console' });
    expect(config.consoleDir).toBe('/srv/console');
    expect(config.consoleOidc).toEqual({ authority: 'https://idp.example/realms/kim', clientId: 'kim-console', scope: 'openid' });
  });

  it('reads the controller that letters name: its name, address lines and the officer\'s contact', () => {
    expect(readGatewayConfig(required).consoleController).toBeUndefined();
    const config = readGatewayConfig({ ...required, KIM_CONTROLLER_NAME: 'Kreis X – Der Landrat', KIM_CONTROLLER_ADDRESS: 'Markt 1; 12345 X', KIM_CONTROLLER_DPO: 'datenschutz@kreis-x.example' });
    expect(config.consoleController).toEqual({ name: 'Kreis X – Der Landrat', address: ['Markt 1', '12345 X'], dpo: ['datenschutz@kreis-x.example'] });
  });

  it.each([
    [{ KIM_CONTROLLER_NAME: 'Kreis X' }, 'KIM_CONTROLLER_ADDRESS'],
    [{ KIM_CONTROLLER_ADDRESS: 'Markt 1' }, 'KIM_CONTROLLER_NAME'],
    [{ KIM_OIDC_AUTHORITY: 'https://idp.example' }, 'KIM_OIDC_CLIENT_ID'],
    [{ KIM_OIDC_CLIENT_ID: 'kim-console' }, 'KIM_OIDC_AUTHORITY'],
    [{ KIM_OIDC_AUTHORITY: 'not a url', KIM_OIDC_CLIENT_ID: 'kim-console' }, 'KIM_OIDC_AUTHORITY'],
  ])('refuses to start with half an identity provider (%j), naming %s', (env, variable) => {
    expect(() => readGatewayConfig({ ...required, ...env })).toThrow(variable);
  });
});
