import { STATUTORY_BASES, type LegalBasis } from '@kim/schema';
import { ConfigError, optionalString, pemFromEnv, port, positiveInt, readRetentionConfig, readServiceConfig, type RetentionConfig, type ServiceConfig } from '@kim/service-kit';
import { auditSigningKey, type AuditSigningKey } from './audit/auditKey.ts';

/** The consent service's configuration: what every service reads, and its audit key. */
export interface ConsentConfig extends ServiceConfig {
  /** Signs every anchor of the audit chain and every audit export (Ed25519). */
  readonly auditKey: AuditSigningKey;
  /** Days a consent lasts when its record names no end (`KIM_CONSENT_DEFAULT_VALIDITY_DAYS`, 730). */
  readonly defaultValidityDays: number;
  /** Statutory entries the controller has switched off (README, "Legal questions for the controller"). */
  readonly statutoryBasesOff: ReadonlySet<LegalBasis>;
  /** When a client's consent data is erased after the end of the case, and how often the job looks. */
  readonly retention: RetentionConfig;
  /** Port of the internal `/metrics` (`CONSENT_METRICS_PORT`, 0 a free one); null serves none. */
  readonly metricsPort: number | null;
}

/**
 * `KIM_STATUTORY_BASES_OFF`: comma-separated bases of `STATUTORY_BASES` entries that must not be
 * applied, e.g. `AUFENTHG_87_SGB_X_71` while the controller settles whether requests through the
 * hub are an automated retrieval (§ 79 SGB X). Anything else is refused: a typo must not leave an
 * entry on that the controller meant to switch off.
 */
export function statutoryBasesOff(value: string | undefined): ReadonlySet<LegalBasis> {
  if (value === undefined || value.trim() === '') return new Set();
  const known = new Set<string>(STATUTORY_BASES.map((s) => s.basis));
  const off = new Set<LegalBasis>();
  for (const name of value.split(',').map((v) => v.trim())) {
    if (!known.has(name)) throw new ConfigError('KIM_STATUTORY_BASES_OFF', `"${name}" is no statutory entry (one of: ${[...known].join(', ')})`);
    off.add(name as LegalBasis);
  }
  return off;
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
  const metricsPort = optionalString(env, 'CONSENT_METRICS_PORT') === undefined ? null : port(env, 'CONSENT_METRICS_PORT', 0);
  return Object.freeze({ ...readServiceConfig('consent', env), auditKey, defaultValidityDays, statutoryBasesOff: statutoryBasesOff(env.KIM_STATUTORY_BASES_OFF), retention: readRetentionConfig(env), metricsPort });
}
