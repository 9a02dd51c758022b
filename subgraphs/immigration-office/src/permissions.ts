import type { RuleMap } from '@kim/service-kit';

/**
 * Rules for the fields without an SDL tag: none. The one root field is `@restricted` to the
 * office's own roles; federation's `_entities` / `_service` and the key `id` are allowed by the
 * runtime, every other field is guarded by its `@category`, and the `@external` fields (never
 * resolved here) fall to deny.
 */
export const rules: RuleMap = {};
