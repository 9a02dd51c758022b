import { runMain } from '@kim/core';
import { readGatewayConfig } from './env.ts';
import { startGateway } from './server.ts';

runMain(() => startGateway(readGatewayConfig()));
