import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';

/** A fresh Ed25519 key pair as PEM (callers' tokens, audit anchors), for the demo launcher and the tests. */
export async function generateEd25519Pem(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = await generateKeyPair('EdDSA', { extractable: true });
  return { publicKey: await exportSPKI(pair.publicKey), privateKey: await exportPKCS8(pair.privateKey) };
}
