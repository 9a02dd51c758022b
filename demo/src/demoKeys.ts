import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, type ServiceName } from '@kim/schema';
import { generateAssertionSecret, generateEd25519Pem } from '@kim/service-kit';

export interface KeyPairFiles {
  readonly publicKeyFile: string;
  readonly privateKeyFile: string;
}

export interface DemoKeys {
  /** The demo identity provider's keys: it signs callers' tokens, the gateway verifies them. */
  readonly idp: KeyPairFiles;
  /**
   * One assertion key file per service (HMAC-SHA256 secrets): the gateway gets them all, each
   * service only its own.
   */
  readonly assertion: Readonly<Record<ServiceName, string>>;
  /** The consent service's audit keys: it signs anchors and exports, officers verify them offline. */
  readonly audit: KeyPairFiles;
}

async function ensurePair(dir: string, name: string): Promise<KeyPairFiles> {
  const files = { publicKeyFile: join(dir, `${name}-public.pem`), privateKeyFile: join(dir, `${name}-private.pem`) };
  if (!existsSync(files.publicKeyFile) || !existsSync(files.privateKeyFile)) {
    const pair = await generateEd25519Pem();
    writeFileSync(files.privateKeyFile, pair.privateKey, { mode: 0o600 });
    writeFileSync(files.publicKeyFile, pair.publicKey);
  }
  return files;
}

function ensureSecret(dir: string, service: ServiceName): string {
  const file = join(dir, `assertion-${service}.key`);
  if (!existsSync(file)) writeFileSync(file, generateAssertionSecret(), { mode: 0o600 });
  return file;
}

/**
 * Demo keys, made on first use in the data folder and kept there, so that `npm run token` and
 * `npm start` agree. Production keys come from the IdP (JWKS) and a secret store instead.
 */
export async function ensureDemoKeys(dataDir: string): Promise<DemoKeys> {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const assertion = Object.fromEntries(SERVICES.map((s) => [s, ensureSecret(dir, s)])) as Record<ServiceName, string>;
  return { idp: await ensurePair(dir, 'idp'), assertion, audit: await ensurePair(dir, 'audit') };
}

export function readPem(file: string): string {
  return readFileSync(file, 'utf8');
}
