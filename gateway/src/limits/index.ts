export { AgencyRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitConfig } from './agencyRateLimiter.ts';
export { DEFAULT_OPERATION_LIMITS, exceededLimit, operationLimitRules, queryTooComplex, type OperationLimits } from './operationLimits.ts';
export { operationGuard } from './operationGuard.ts';
export { requestedObjects, COUNTED_TYPE } from './requestedObjects.ts';
export { resolvePageSizes, PAGE_SIZE_ARGUMENT, type SizedDocument } from './resolvePageSizes.ts';
export { asTokenLimitError, tokenLimitParseOptions } from './tokenLimit.ts';
export { TokenBucket, type TakeResult } from './tokenBucket.ts';
export { BucketMap, MemoryBudgets, RedisBudgets, type Budgets, type SharedBudgetsConfig } from './budgets.ts';
export { rateLimitBudgets, type RateLimitBudgets } from './rateLimitBudgets.ts';
