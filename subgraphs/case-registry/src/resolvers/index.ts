import { Client } from './Client.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

export const resolvers = { Query, Mutation, Client };
