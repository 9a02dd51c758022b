import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { responsiveTimeout } from './sharedStore.ts';

describe('responsiveTimeout', () => {
  let clock: number;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());

  /** `n` ticks of 100 ms, the clock moving with them. */
  const ticks = (n: number) => {
    for (let i = 0; i < n; i++) {
      clock += 100;
      vi.advanceTimersByTime(100);
    }
  };

  it('fires after its time when the event loop runs freely', () => {
    const onTimeout = vi.fn();
    responsiveTimeout(1000, onTimeout, () => clock);
    ticks(9);
    expect(onTimeout).not.toHaveBeenCalled();
    ticks(1);
    expect(onTimeout).toHaveBeenCalledOnce();
  });

  it('counts a stall of the event loop as two ticks, not its length', () => {
    const onTimeout = vi.fn();
    responsiveTimeout(1000, onTimeout, () => clock);
    // Five seconds in which no timer ran: a plain timer of one second would fire at once.
    clock += 5000;
    vi.advanceTimersByTime(100);
    ticks(7);
    expect(onTimeout).not.toHaveBeenCalled();
    ticks(1);
    expect(onTimeout).toHaveBeenCalledOnce();
  });

  it('does not fire once cancelled', () => {
    const onTimeout = vi.fn();
    responsiveTimeout(1000, onTimeout, () => clock)();
    ticks(20);
    expect(onTimeout).not.toHaveBeenCalled();
  });
});
