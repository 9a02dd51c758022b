import { requestCategoryRule, type RuleMap } from '@kim/service-kit';

/**
 * Rules for the fields without an SDL tag: none. The one root field is `@restricted` to the
 * jobcenter's own roles, every field of a client carries its category, and federation's own
 * fields and the entity key are allowed by the runtime. Everything else is denied.
 * `benefitReceipt` answers a request in the individual case: its arguments go with the question.
 */
export const rules: RuleMap = {
  Client: { benefitReceipt: requestCategoryRule('BENEFIT_RECEIPT') },
};
