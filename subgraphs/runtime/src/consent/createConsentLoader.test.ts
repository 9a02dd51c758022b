import { describe, expect, it } from 'vitest';
import { createConsentLoader } from './createConsentLoader.ts';
import { DECISIONS_PATH, TECHNICAL_DENIALS_PATH, type ConsentQuestion } from './decision.ts';

const questions: ConsentQuestion[] = [
  { clientId: 'K-1', category: 'IDENTITY' },
  { clientId: 'K-2', category: 'IDENTITY' },
  { clientId: 'K-1', category: 'HEALTH', source: 'welfare' },
];
const allow = (q: ConsentQuestion) => ({ ...q, allowed: true, reason: 'GRANT', basis: 'CONSENT', grantId: 'g' });

/** A consent service that answers decisions with `answer` and records what it was told. */
function fakeConsent(answer: (asked: ConsentQuestion[]) => Response | Promise<Response>, reportStatus = 204) {
  const reported: ConsentQuestion[][] = [];
  const errors: unknown[] = [];
  const fakeFetch = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { questions: ConsentQuestion[] };
    if (url.endsWith(TECHNICAL_DENIALS_PATH)) {
      reported.push(body.questions);
      return new Response(null, { status: reportStatus });
    }
    expect(url.endsWith(DECISIONS_PATH)).toBe(true);
    return answer(body.questions);
  }) as typeof fetch;
  const loader = createConsentLoader({ consentUrl: 'http://consent', assertion: 'a', timeoutMs: 1000, fetch: fakeFetch, log: { error: (e: unknown) => errors.push(e) } as never });
  return { loader, reported, errors };
}

describe('createConsentLoader', () => {
  it('reports nothing when every question has its answer', async () => {
    const { loader, reported } = fakeConsent((asked) => Response.json({ decisions: asked.map(allow) }));
    const results = await loader.loadMany(questions);
    expect(results.map((r) => (r as { allowed: boolean }).allowed)).toEqual([true, true, true]);
    expect(reported).toEqual([]);
  });

  it('reports exactly the questions a short answer left out, before answering', async () => {
    const { loader, reported } = fakeConsent((asked) => Response.json({ decisions: [allow(asked[1]!)] }));
    const results = await loader.loadMany(questions);
    expect(results.map((r) => (r as { reason: string }).reason)).toEqual(['TECHNICAL', 'GRANT', 'TECHNICAL']);
    expect(reported).toEqual([[questions[0], questions[2]]]);
  });

  it('reports every question when the service fails, and still fails closed', async () => {
    const { loader, reported } = fakeConsent(() => new Response('no', { status: 503 }));
    const results = await loader.loadMany(questions);
    expect(results.every((r) => r instanceof Error)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reported).toEqual([questions]);
  });

  it('keeps the denial and logs when the report itself cannot be recorded', async () => {
    const { loader, reported, errors } = fakeConsent(() => Response.json({ decisions: 'garbled' }), 503);
    const results = await loader.loadMany(questions);
    expect(results.every((r) => !(r as { allowed: boolean }).allowed)).toBe(true);
    expect(reported).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});
