import { describe, expect, it } from 'vitest';
import { createConsentLoader } from './createConsentLoader.ts';
import { DECISIONS_PATH, TECHNICAL_DENIALS_PATH, type ConsentQuestion, type QuestionTemplate, type JsonResponse, type PostJson } from '@kim/core';
import type { RequestDecisions } from './requestDecisions.ts';

const questions: ConsentQuestion[] = [
  { clientId: 'K-1', category: 'IDENTITY' },
  { clientId: 'K-2', category: 'IDENTITY' },
  { clientId: 'K-1', category: 'HEALTH', source: 'welfare' },
];
const allow = (q: ConsentQuestion) => ({ ...q, allowed: true, reason: 'GRANT', basis: 'CONSENT', grantId: 'g' });

/** A consent service that answers decisions with `answer` and records what it was told. */
function fakeConsent(
  answer: (asked: ConsentQuestion[]) => Response | Promise<Response>,
  reportStatus = 204,
  request: { requestDecisions?: RequestDecisions; planned?: QuestionTemplate[] } = {},
) {
  const reported: ConsentQuestion[][] = [];
  const asked: ConsentQuestion[][] = [];
  const errors: unknown[] = [];
  // The service's answers are written as fetch Responses, and read as postJson would read them.
  const read = async (response: Response): Promise<JsonResponse> => {
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch (error) {
      if (response.ok) throw error;
    }
    return { status: response.status, ok: response.ok, body };
  };
  const fakePost: PostJson = async (url, _headers, sent) => {
    const { questions: told } = sent as { questions: ConsentQuestion[] };
    if (url.endsWith(TECHNICAL_DENIALS_PATH)) {
      reported.push(told);
      return read(new Response(null, { status: reportStatus }));
    }
    expect(url.endsWith(DECISIONS_PATH)).toBe(true);
    asked.push(told);
    return read(await answer(told));
  };
  const loader = createConsentLoader({ consentUrl: 'http://consent', ticket: 'a', timeoutMs: 1000, post: fakePost, log: { error: (e: unknown) => errors.push(e) } as never, ...request });
  return { loader, reported, errors, asked };
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

describe('createConsentLoader across the fetches of one request', () => {
  const planned = [{ category: 'CASE_MANAGEMENT' as const }, { category: 'RESIDENCE' as const, source: 'immigration-office' as const }];
  const later: ConsentQuestion[] = [
    { clientId: 'K-1', category: 'CASE_MANAGEMENT' },
    { clientId: 'K-1', category: 'RESIDENCE', source: 'immigration-office' },
  ];

  it("asks the later fetches' questions for the same clients in the first call, and the later fetch asks nothing", async () => {
    const kept: RequestDecisions = new Map();
    const first = fakeConsent((asked) => Response.json({ decisions: asked.map(allow) }), 204, { requestDecisions: kept, planned });
    await first.loader.loadMany(questions);
    expect(first.asked).toHaveLength(1);
    // Its own three questions, then the two planned ones for K-1 and for K-2.
    expect(first.asked[0]).toHaveLength(3 + 2 * 2);
    expect(first.asked[0]).toEqual(expect.arrayContaining([...questions, ...later]));

    const second = fakeConsent(() => {
      throw new Error('must not be asked');
    }, 204, { requestDecisions: kept, planned });
    const results = await second.loader.loadMany(later);
    expect(results.map((r) => (r as { allowed: boolean }).allowed)).toEqual([true, true]);
    expect(second.asked).toEqual([]);
  });

  it('asks a later fetch only what the first did not, and never keeps a technical denial', async () => {
    const kept: RequestDecisions = new Map();
    // The first answer leaves out every planned question: those are TECHNICAL, so not kept.
    const first = fakeConsent((asked) => Response.json({ decisions: asked.slice(0, 3).map(allow) }), 204, { requestDecisions: kept, planned });
    await first.loader.loadMany(questions);
    expect(first.reported).toEqual([]);
    expect([...kept.keys()]).toHaveLength(3);

    const second = fakeConsent((asked) => Response.json({ decisions: asked.map(allow) }), 204, { requestDecisions: kept, planned });
    await second.loader.loadMany([...later, questions[0]!]);
    expect(second.asked).toEqual([later]);
  });

  it('keeps nothing when the service fails, and reports only what this fetch denied', async () => {
    const kept: RequestDecisions = new Map();
    const first = fakeConsent(() => new Response('no', { status: 503 }), 204, { requestDecisions: kept, planned });
    const results = await first.loader.loadMany(questions);
    expect(results.every((r) => r instanceof Error)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(first.reported).toEqual([questions]);
    expect(kept.size).toBe(0);
  });
});
