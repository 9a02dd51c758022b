import { readFileSync } from 'node:fs';
import { PLANNED_QUESTIONS_PATH } from '@kim/schema';
import { createOperationQuestions, type FieldQuestionMap, type QuestionTemplate } from '@kim/core';

/**
 * What each agency subgraph's operations will ask consent, from the field maps `npm run compose`
 * wrote from the subgraphs' SDL and rules (`@kim/schema`'s plannedQuestions.json): the gateway
 * knows no subgraph's code. Unknown subgraphs and fields ask nothing ahead.
 */
export function plannedQuestionsByService(path: string = PLANNED_QUESTIONS_PATH): (service: string, operations: readonly string[]) => readonly QuestionTemplate[] {
  const maps = JSON.parse(readFileSync(path, 'utf8')) as Record<string, FieldQuestionMap>;
  const byService = new Map(Object.entries(maps).map(([service, map]) => [service, createOperationQuestions(map)]));
  return (service, operations) => byService.get(service)?.(operations) ?? [];
}
