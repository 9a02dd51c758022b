import { Client } from './Client.ts';
import { Query } from './Query.ts';

export const resolvers = { Query, Client };
