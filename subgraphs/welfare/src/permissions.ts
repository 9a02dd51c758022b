import type { RuleMap } from '@kim/service-kit';

/**
 * Rules for the fields without an SDL tag. The welfare subgraph has none: it owns no root field
 * (the case registry finds clients), every field reachable from a client carries its category,
 * and federation's own fields and the entity key are allowed by the runtime. Everything else is
 * denied.
 */
export const rules: RuleMap = {};
