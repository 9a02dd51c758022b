import { Client } from './Client.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { referralQueries } from './referralWork.ts';

export const resolvers = { Query: { ...Query, ...referralQueries }, Mutation, Client };
