import { describe, expect, it } from 'vitest';
import { readCaseRegistryConfig } from './env.ts';

describe('the case registry configuration', () => {
  it('takes referrals as overdue after 14 days unless told otherwise', () => {
    expect(readCaseRegistryConfig({}).overdueReferralDays).toBe(14);
    expect(readCaseRegistryConfig({ KIM_OVERDUE_REFERRAL_DAYS: '21' }).overdueReferralDays).toBe(21);
  });

  it.each(['0', '-3', 'two weeks', '366'])('refuses KIM_OVERDUE_REFERRAL_DAYS=%s naming the variable', (value) => {
    expect(() => readCaseRegistryConfig({ KIM_OVERDUE_REFERRAL_DAYS: value })).toThrow(/KIM_OVERDUE_REFERRAL_DAYS/);
  });

  it('reads the retention settings with it', () => {
    expect(readCaseRegistryConfig({ KIM_RETENTION_DAYS: '30' }).retention.days).toBe(30);
  });
});
