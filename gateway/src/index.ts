import { runMain } from '@kim/subgraph-runtime';
import { readGatewayConfig } from './env.ts';
import { startGateway } from './server.ts';

runMain(() => startGateway(readGatewayConfig()));
