import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, type CryptoKey } from 'jose';

/** Reads an Ed25519 public key (SPKI PEM) that verifies the gateway's assertions. */
export function importAssertionPublicKey(pem: string): Promise<CryptoKey> {
  return importSPKI(pem, 'EdDSA');
}

/** Reads the gateway's Ed25519 private key (PKCS#8 PEM) that signs assertions. */
export function importAssertionPrivateKey(pem: string): Promise<CryptoKey> {
  return importPKCS8(pem, 'EdDSA');
}

/** A fresh Ed25519 key pair as PEM, for the demo launcher and the tests. */
export async function generateEd25519Pem(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = await generateKeyPair('EdDSA', { extractable: true });
  return { publicKey: await exportSPKI(pair.publicKey), privateKey: await exportPKCS8(pair.privateKey) };
}
