import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The consent service's audit key: it signs anchors and exports, and checks its own anchors. */
export interface AuditSigningKey extends AuditVerifyingKey {
  /** Ed25519 signature of the UTF-8 message, base64. */
  sign(message: string): string;
}

/** The public half: all an offline verifier needs. */
export interface AuditVerifyingKey {
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key in documents. */
  readonly keyId: string;
  readonly publicKeyPem: string;
  verify(message: string, signature: string): boolean;
}

function verifying(publicKey: KeyObject): AuditVerifyingKey {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    verify: (message, signature) => {
      try {
        return verify(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** Reads an Ed25519 private key (PKCS#8 PEM); throws when it is anything else. */
export function auditSigningKey(privateKeyPem: string): AuditSigningKey {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, got ${privateKey.asymmetricKeyType ?? 'none'}`);
  return {
    ...verifying(createPublicKey(privateKey)),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
  };
}

/** Reads an Ed25519 public key (SPKI PEM); throws when it is anything else. */
export function auditVerifyingKey(publicKeyPem: string): AuditVerifyingKey {
  const publicKey = createPublicKey(publicKeyPem);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, got ${publicKey.asymmetricKeyType ?? 'none'}`);
  return verifying(publicKey);
}
