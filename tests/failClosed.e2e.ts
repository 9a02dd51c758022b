import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('failclosed', 10);
});
afterAll(async () => {
  await hub?.stop();
});

describe('with the consent service down', () => {
  it('discloses nothing and says CONSENT_UNAVAILABLE on every guarded field', async () => {
    const query = '{ client(id: "K-000001") { id givenName languageLevel receivesBenefits currentResidenceTitleType } }';
    const before = await hub.query('cm-neuss', query);
    expect(before.body.errors).toBeUndefined();
    const values = before.body.data?.client as Record<string, unknown>;

    await hub.services.consent.stop();
    const response = await hub.query('cm-neuss', query);
    expect(response.body.data?.client).toEqual({ id: 'K-000001', givenName: null, languageLevel: null, receivesBenefits: null, currentResidenceTitleType: null });
    const codes = errorCodes(response);
    expect(codes.map((c) => c.path).sort()).toEqual(['client.currentResidenceTitleType', 'client.givenName', 'client.languageLevel', 'client.receivesBenefits']);
    expect(new Set(codes.map((c) => c.code))).toEqual(new Set(['CONSENT_UNAVAILABLE']));
    expect(JSON.stringify(response.body)).not.toContain(String(values.givenName));
  });
});

describe('with a service\'s database down', () => {
  it('reports the service not ready', async () => {
    const base = hub.serviceUrls.jobcenter.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await hub.services.jobcenter.db.close();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable' });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
