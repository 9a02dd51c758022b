import { describe, expect, it } from 'vitest';
import { shutdownOptions } from './runMain.ts';

describe('shutdownOptions', () => {
  it('stops at once and cuts requests after 10 s unless told otherwise', () => {
    expect(shutdownOptions({})).toEqual({ delayMs: 0, timeoutMs: 10_000 });
    expect(shutdownOptions({ KIM_SHUTDOWN_DELAY_SECONDS: '5', KIM_SHUTDOWN_TIMEOUT_SECONDS: '20' })).toEqual({ delayMs: 5000, timeoutMs: 20_000 });
  });

  it.each([
    [{ KIM_SHUTDOWN_DELAY_SECONDS: '-1' }, /^KIM_SHUTDOWN_DELAY_SECONDS: /],
    [{ KIM_SHUTDOWN_DELAY_SECONDS: '1.5' }, /^KIM_SHUTDOWN_DELAY_SECONDS: /],
    [{ KIM_SHUTDOWN_TIMEOUT_SECONDS: '0' }, /^KIM_SHUTDOWN_TIMEOUT_SECONDS: /],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => shutdownOptions(env)).toThrow(message);
  });
});
