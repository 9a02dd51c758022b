import { hubError } from '@kim/service-kit';

const PREFIX = 'client:';

/** Opaque cursors: the position after a client id, base64url so callers do not build them. */
export function encodeCursor(clientId: string): string {
  return Buffer.from(`${PREFIX}${clientId}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(PREFIX) || decoded.length === PREFIX.length) throw hubError('BAD_USER_INPUT', 'Invalid cursor.', { argument: 'after' });
  return decoded.slice(PREFIX.length);
}
