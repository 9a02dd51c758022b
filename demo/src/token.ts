// `npm run token -- <persona>`: prints a demo token for the persona, and nothing else on stdout.
import { ensureDemoKeys, readPem } from './demoKeys.ts';
import { issueToken } from './issueToken.ts';
import { PERSONAS, isPersonaName } from './personas.ts';

const persona = process.argv[2] ?? '';
if (!isPersonaName(persona)) {
  console.error(`usage: npm run token -- <persona>\npersonas: ${Object.keys(PERSONAS).join(', ')}`);
  process.exit(1);
}
const keys = await ensureDemoKeys(process.env.KIM_DATA_DIR ?? '.data');
process.stdout.write(`${await issueToken(readPem(keys.idp.privateKeyFile), persona)}\n`);
