// Usage: npm run audit:verify -- <export.json> <audit-public-key.pem>
// Verifies an audit export offline: the consent service's signature and every hash of the
// client's chain. Exit status 0 when valid, 1 when not, 2 when the files cannot be read.
// The export file may be the document itself, or the auditExport result (or whole GraphQL
// response) that carries it in `document`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditVerifyingKey, type AuditVerifyingKey } from '../audit/auditKey.ts';
import { verifyAuditExport } from '../audit/verifyAuditExport.ts';

/** The signed document inside whatever the officer saved. */
function findDocument(saved: unknown): unknown {
  const wrapped = saved as { data?: { auditExport?: { document?: unknown } }; auditExport?: { document?: unknown }; document?: unknown } | null;
  const text = wrapped?.data?.auditExport?.document ?? wrapped?.auditExport?.document ?? wrapped?.document;
  return typeof text === 'string' ? JSON.parse(text) : saved;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const [exportFile, keyFile] = process.argv.slice(2);
if (!exportFile || !keyFile) fail('usage: npm run audit:verify -- <export.json> <audit-public-key.pem>');
// npm runs scripts in the project root; paths are meant from where the command was typed.
const base = process.env.INIT_CWD ?? process.cwd();
let document: unknown;
let key: AuditVerifyingKey;
try {
  document = findDocument(JSON.parse(readFileSync(resolve(base, exportFile), 'utf8')));
} catch (error) {
  fail(`cannot read ${exportFile} as JSON: ${(error as Error).message}`);
}
try {
  key = auditVerifyingKey(readFileSync(resolve(base, keyFile), 'utf8'));
} catch (error) {
  fail(`cannot read ${keyFile} as an Ed25519 public key (SPKI PEM): ${(error as Error).message}`);
}
const result = verifyAuditExport(document, key);
if (result.valid) {
  console.log(`valid: ${result.entries} audit entries of client ${result.clientId}, signed by audit key ${key.keyId}`);
  process.exit(0);
}
console.log(`INVALID${result.clientId ? ` (client ${result.clientId})` : ''}:`);
for (const problem of result.problems) console.log(`- ${problem}`);
process.exit(1);
