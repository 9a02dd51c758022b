import { ConfigError, pemFromEnv, positiveInt, readServiceConfig, type ServiceConfig } from '@kim/subgraph-runtime';
import { auditSigningKey, type AuditSigningKey } from './audit/auditKey.ts';

/** The consent service's configuration: what every service reads, and its audit key. */
export interface ConsentConfig extends ServiceConfig {
  /** Signs every anchor of the audit chain and every audit export (Ed25519). */
  readonly auditKey: AuditSigningKey;
  /** Days a consent lasts when its record names no end (`KIM_CONSENT_DEFAULT_VALIDITY_DAYS`, 730). */
  readonly defaultValidityDays: number;
}

/** Two years: long enough for a case, short enough to be asked again. */
export const DEFAULT_VALIDITY_DAYS = 730;

/**
 * Reads the consent service's configuration once, at start, and fails naming the variable.
 * `KIM_AUDIT_SIGNING_KEY` (or `_FILE`): an Ed25519 private key, PKCS#8 PEM.
 */
export function readConsentConfig(env: NodeJS.ProcessEnv = process.env): ConsentConfig {
  const pem = pemFromEnv(env, 'KIM_AUDIT_SIGNING_KEY');
  let auditKey: AuditSigningKey;
  try {
    auditKey = auditSigningKey(pem);
  } catch {
    throw new ConfigError('KIM_AUDIT_SIGNING_KEY', 'is not an Ed25519 private key (PKCS#8 PEM)');
  }
  const defaultValidityDays = positiveInt(env, 'KIM_CONSENT_DEFAULT_VALIDITY_DAYS', DEFAULT_VALIDITY_DAYS);
  return Object.freeze({ ...readServiceConfig('consent', env), auditKey, defaultValidityDays });
}
