/** Where one client's chain stood after a batch: how many entries, and the last one's clientHash. */
export interface ClientHead {
  readonly kimClientId: string;
  readonly entries: number;
  readonly headHash: string;
}

/** Where the whole chain stood after a batch, with the heads of the clients the batch touched. */
export interface Anchor {
  /** The seq of the batch's last entry: where the anchor is stored, not part of what it vouches for. */
  readonly seq: bigint;
  readonly entries: bigint;
  readonly headHash: string;
  readonly at: Date;
  readonly keyId: string;
  readonly clients: readonly ClientHead[];
}

export interface SignedAnchor extends Anchor {
  readonly signature: string;
}

/**
 * What an anchor's signature covers, as one string: a prefix that no other signed document of the
 * service starts with (so an anchor signature can never pass for an export's), then the chain's
 * length and head hash, the time, the key, and the client heads sorted by client id, as a JSON
 * array. The seq is left out so that the anchor can be signed before the database numbers the
 * batch (one statement writes it all); length and head hash fix its place in the chain anyway,
 * and verification checks it there.
 */
export function anchorMessage(anchor: Omit<Anchor, 'seq'>): string {
  const clients = [...anchor.clients]
    .sort((a, b) => (a.kimClientId < b.kimClientId ? -1 : a.kimClientId > b.kimClientId ? 1 : 0))
    .map((c) => [c.kimClientId, c.entries, c.headHash]);
  return `kim-audit-anchor/1\n${JSON.stringify([anchor.entries.toString(), anchor.headHash, anchor.at.toISOString(), anchor.keyId, clients])}`;
}
