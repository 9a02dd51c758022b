/** What a bucket answers: taken, or refused with the seconds until it could be (null: never). */
export type TakeResult = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number | null };

/**
 * A token bucket: full (`capacity` tokens) at first use, refilled continuously at
 * `refillPerMinute` up to `capacity`. A take either takes all it asks for or nothing; a charge
 * takes regardless (the bucket may go into debt).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerMinute: number,
    /** Milliseconds on a monotonic clock. */
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  take(cost: number): TakeResult {
    this.refill();
    if (cost <= this.tokens) {
      this.tokens -= cost;
      return { ok: true };
    }
    // More than a full bucket can never be taken under this configuration.
    if (cost > this.capacity) return { ok: false, retryAfterSeconds: null };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((cost - this.tokens) / this.refillPerMinute) * 60)) };
  }

  /**
   * Takes `cost` whatever is left, into debt if need be: for what a request has already made the
   * hub do (charged after the fact). A bucket in debt refuses every take until refilled past it.
   */
  charge(cost: number): void {
    this.refill();
    this.tokens -= cost;
  }

  /** Gives back what a take took when a second budget then refused the same request. */
  give(cost: number): void {
    this.refill();
    this.tokens = Math.min(this.capacity, this.tokens + cost);
  }

  /** Whether the bucket is as full as it gets: then it is the same as no bucket at all. */
  full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  /** Tokens now, for tests and logs. */
  available(): number {
    this.refill();
    return this.tokens;
  }

  private refill(): void {
    const now = this.now();
    const elapsedMinutes = Math.max(0, now - this.updatedAt) / 60_000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsedMinutes * this.refillPerMinute);
    this.updatedAt = now;
  }
}
