import { CATEGORY_SOURCE, type DataCategory } from '@kim/schema';
import type { QuestionTemplate } from '@kim/core';

/**
 * What a field disclosing `category` asks consent for each client: its own category, and for a
 * derived field each input's category at the service that holds it.
 */
export function categoryQuestions(category: DataCategory, inputs: readonly DataCategory[]): QuestionTemplate[] {
  return [{ category }, ...inputs.map((input) => ({ category: input, source: CATEGORY_SOURCE[input] }))];
}
