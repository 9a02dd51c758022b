import { caseMutations } from './caseMutations.ts';
import { planMutations } from './planMutations.ts';
import { referralMutations } from './referralWork.ts';

export const Mutation = { ...caseMutations, ...planMutations, ...referralMutations };
