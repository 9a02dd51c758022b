import { DEMO_AUDIENCE, DEMO_ISSUER } from '@kim/demo';
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './support/testHub.ts';

// The target group is decided on the title the client held on the date asked about (issue 15,
// section 2). K-000113 (Kaarst) held a Duldung from 2019 to April 2023 and a residence permit
// since: at 19, on 2022-06-01, stage 1 left tolerated persons aged 18–27 out.

let hub: TestHub;
let kaarst: string;
beforeAll(async () => {
  hub = await startTestHub('target-group', 120);
  const key = await importPKCS8(hub.idpPrivateKeyPem, 'EdDSA');
  kaarst = await new SignJWT({ agency: 'KIM_KAARST', role: 'CASE_MANAGER', name: 'Case manager, KIM Kaarst' })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(DEMO_ISSUER)
    .setAudience(DEMO_AUDIENCE)
    .setSubject('cm-kaarst-1')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key);
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

const targetGroup = async (on: string) => {
  const response = await hub.query(null, `{ client(id: "K-000113") { targetGroup(on: "${on}") { eligible stage } } }`, undefined, { token: kaarst });
  expect(response.body.errors).toBeUndefined();
  return (response.body.data?.client as { targetGroup: unknown }).targetGroup;
};

describe('the target group on a date', () => {
  it('uses the title held then, not today\'s: a tolerated 19-year-old was outside stage 1', async () => {
    expect(await targetGroup('2022-06-01')).toEqual({ eligible: false, stage: 1 });
  });

  it('lets the same person in on the first day of stage 2, still tolerated', async () => {
    expect(await targetGroup('2023-01-01')).toEqual({ eligible: true, stage: 2 });
  });
});
