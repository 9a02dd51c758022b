import { createServer } from 'node:net';

/** A port the OS says is free now on 127.0.0.1 (listened on and closed again), for a process a script starts. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
