import { describe, expect, it } from 'vitest';
import { matchDecisions } from './createConsentLoader.ts';
import type { ConsentQuestion } from '@kim/core';

const questions: ConsentQuestion[] = [
  { clientId: 'K-1', category: 'IDENTITY' },
  { clientId: 'K-2', category: 'IDENTITY' },
  { clientId: 'K-1', category: 'HEALTH' },
];
const allow = (q: ConsentQuestion) => ({ ...q, allowed: true, reason: 'GRANT', basis: 'CONSENT', grantId: 'g' });

describe('matchDecisions', () => {
  it('pairs answers with their questions whatever their order', () => {
    const answers = [...questions].reverse().map(allow);
    expect(matchDecisions(questions, { decisions: answers }).map((d) => [d.clientId, d.category, d.allowed])).toEqual([
      ['K-1', 'IDENTITY', true],
      ['K-2', 'IDENTITY', true],
      ['K-1', 'HEALTH', true],
    ]);
  });

  it('denies, as a technical failure, every question a short answer leaves out', () => {
    const result = matchDecisions(questions, { decisions: [allow(questions[0]!)] });
    expect(result.map((d) => [d.allowed, d.reason])).toEqual([
      [true, 'GRANT'],
      [false, 'TECHNICAL'],
      [false, 'TECHNICAL'],
    ]);
  });

  it.each([
    ['no body', null],
    ['a body without decisions', { ok: true }],
    ['decisions that are not a list', { decisions: 'all allowed' }],
    ['answers about other clients', { decisions: [allow({ clientId: 'K-9', category: 'IDENTITY' })] }],
    ['answers with a non-boolean verdict', { decisions: questions.map((q) => ({ ...q, allowed: 'yes' })) }],
  ])('grants nothing for %s', (_name, body) => {
    expect(matchDecisions(questions, body).every((d) => !d.allowed && d.reason === 'TECHNICAL')).toBe(true);
  });

  it('keeps a question about a derived input apart from the same category asked of the service itself', () => {
    const own: ConsentQuestion = { clientId: 'K-1', category: 'RESIDENCE' };
    const atSource: ConsentQuestion = { clientId: 'K-1', category: 'RESIDENCE', source: 'immigration-office' };
    const result = matchDecisions([own, atSource], { decisions: [allow(own), { ...atSource, allowed: false, reason: 'NO_BASIS' }] });
    expect(result.map((d) => d.allowed)).toEqual([true, false]);
  });

  it('trusts neither of two answers to one question', () => {
    const q = questions[0]!;
    const result = matchDecisions([q], { decisions: [allow(q), { ...q, allowed: false, reason: 'NO_BASIS' }] });
    expect(result).toEqual([{ ...q, allowed: false, reason: 'TECHNICAL', basis: null, grantId: null }]);
  });
});
