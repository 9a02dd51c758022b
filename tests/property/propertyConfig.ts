import { optionalString, positiveInt } from '@kim/service-kit';

export interface PropertyConfig {
  /** Cases per property: `KIM_PROPERTY_RUNS` (default 60, enough to matter in CI). */
  readonly runs: number;
  /** Replays a reported failure: `KIM_PROPERTY_SEED` (and `KIM_PROPERTY_PATH`) from fast-check's report. */
  readonly seed: number | undefined;
  readonly path: string | undefined;
}

/** Reads the property tests' environment once; a malformed value fails naming the variable. */
export function readPropertyConfig(env: NodeJS.ProcessEnv = process.env): PropertyConfig {
  const seed = optionalString(env, 'KIM_PROPERTY_SEED');
  if (seed !== undefined && !/^-?\d+$/.test(seed)) throw new Error(`KIM_PROPERTY_SEED: is not an integer: ${seed}`);
  return Object.freeze({
    runs: positiveInt(env, 'KIM_PROPERTY_RUNS', 60),
    seed: seed === undefined ? undefined : Number(seed),
    path: optionalString(env, 'KIM_PROPERTY_PATH'),
  });
}
