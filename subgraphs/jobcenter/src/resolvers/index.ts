import { Client } from './Client.ts';

export const resolvers = { Client };
