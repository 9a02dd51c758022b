import { readFileSync } from 'node:fs';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { VOCABULARY_SDL_PATH } from './paths.ts';
import { CLOSING_REASONS, DATA_CATEGORIES, PERIODS, REFERRAL_REASONS, TOWNS } from './vocabulary.ts';
import { vocabularySdl } from './vocabularySdl.ts';

/** The values of each enum the vocabulary's SDL defines. */
function enumsOf(sdl: string): Map<string, string[]> {
  const enums = parse(sdl).definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION);
  return new Map(enums.map((e) => [e.name.value, (e.values ?? []).map((v) => v.name.value)]));
}

describe('the vocabulary as SDL', () => {
  it('defines each list of the vocabulary as an enum with exactly its values, in order', () => {
    const enums = enumsOf(vocabularySdl());
    expect(enums.get('ClosingReason')).toEqual([...CLOSING_REASONS]);
    expect(enums.get('ReferralReason')).toEqual([...REFERRAL_REASONS]);
    expect(enums.get('DataCategory')).toEqual([...DATA_CATEGORIES]);
    expect(enums.get('Town')).toEqual([...TOWNS]);
    expect(enums.get('Period')).toEqual([...PERIODS]);
  });

  it('is committed as generated (`npm run compose` writes it)', () => {
    expect(readFileSync(VOCABULARY_SDL_PATH, 'utf8')).toBe(vocabularySdl());
  });
});
