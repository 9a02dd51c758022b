import { describe, expect, it } from 'vitest';
import { readRetentionConfig } from './retention.ts';

describe('the retention configuration', () => {
  it('defaults to three years, looked at a minute after the start and then once a day', () => {
    expect(readRetentionConfig({})).toEqual({ days: 1095, intervalMinutes: 1440, firstRunSeconds: 60 });
  });
  it('takes a first run at once (0 seconds) or later', () => {
    expect(readRetentionConfig({ KIM_RETENTION_FIRST_RUN_SECONDS: '0' }).firstRunSeconds).toBe(0);
    expect(readRetentionConfig({ KIM_RETENTION_FIRST_RUN_SECONDS: '600' }).firstRunSeconds).toBe(600);
  });
  it.each([['0'], ['off'], ['OFF']])('turns the schedule off with %s', (value) => {
    expect(readRetentionConfig({ KIM_RETENTION_INTERVAL_MINUTES: value }).intervalMinutes).toBe(0);
  });
  it.each([
    [{ KIM_RETENTION_DAYS: '0' }, /KIM_RETENTION_DAYS/],
    [{ KIM_RETENTION_DAYS: 'three years' }, /KIM_RETENTION_DAYS/],
    [{ KIM_RETENTION_INTERVAL_MINUTES: '-5' }, /KIM_RETENTION_INTERVAL_MINUTES/],
    [{ KIM_RETENTION_INTERVAL_MINUTES: '50000' }, /KIM_RETENTION_INTERVAL_MINUTES/],
    [{ KIM_RETENTION_FIRST_RUN_SECONDS: '-1' }, /KIM_RETENTION_FIRST_RUN_SECONDS/],
    [{ KIM_RETENTION_FIRST_RUN_SECONDS: 'soon' }, /KIM_RETENTION_FIRST_RUN_SECONDS/],
    [{ KIM_RETENTION_FIRST_RUN_SECONDS: '86401' }, /KIM_RETENTION_FIRST_RUN_SECONDS/],
  ])('refuses %o naming the variable', (env, name) => {
    expect(() => readRetentionConfig(env)).toThrow(name);
  });
});
