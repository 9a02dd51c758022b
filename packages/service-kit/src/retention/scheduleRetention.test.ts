import type { Logger } from '@kim/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleRetention, type RetentionRun } from './scheduleRetention.ts';

const MINUTE = 60_000;
const done: RetentionRun = { erased: ['K-000042', 'K-000043'], refused: [] };

function fakeLog() {
  return { info: vi.fn(), error: vi.fn(), warn: vi.fn(), debug: vi.fn() };
}

/** A job whose runs end only when the test says so. */
function pendingJob() {
  const ends: (() => void)[] = [];
  const job = vi.fn(() => new Promise<RetentionRun>((resolve) => ends.push(() => resolve({ erased: [], refused: [] }))));
  return { job, endRun: () => ends.shift()?.() };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('scheduleRetention', () => {
  it('runs first shortly after the start, then every interval', async () => {
    const job = vi.fn(async () => done);
    const stop = scheduleRetention(job, { intervalMinutes: 1440, firstRunSeconds: 60 }, fakeLog() as unknown as Logger);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(job).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(job).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1440 * MINUTE - 1);
    expect(job).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(job).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2 * 1440 * MINUTE);
    expect(job).toHaveBeenCalledTimes(4);
    await stop();
  });

  it('runs on start when the first run is due after 0 seconds', async () => {
    const job = vi.fn(async () => done);
    const stop = scheduleRetention(job, { intervalMinutes: 60, firstRunSeconds: 0 }, fakeLog() as unknown as Logger);
    await vi.advanceTimersByTimeAsync(0);
    expect(job).toHaveBeenCalledTimes(1);
    await stop();
  });

  it('never starts a run while the last one is under way, and starts the next at once after a run longer than the interval', async () => {
    const { job, endRun } = pendingJob();
    const stop = scheduleRetention(job, { intervalMinutes: 10, firstRunSeconds: 0 }, fakeLog() as unknown as Logger);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(35 * MINUTE);
    expect(job).toHaveBeenCalledTimes(1);
    endRun();
    await vi.advanceTimersByTimeAsync(0);
    expect(job).toHaveBeenCalledTimes(2);
    // A short run: the next one keeps the cadence, timed from the start of the last.
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    endRun();
    await vi.advanceTimersByTimeAsync(6 * MINUTE - 1);
    expect(job).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(job).toHaveBeenCalledTimes(3);
    endRun();
    await stop();
  });

  it('is off at an interval of 0: no run, no timer', async () => {
    const job = vi.fn(async () => done);
    const stop = scheduleRetention(job, { intervalMinutes: 0, firstRunSeconds: 0 }, fakeLog() as unknown as Logger);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(7 * 1440 * MINUTE);
    expect(job).not.toHaveBeenCalled();
    await stop();
  });

  it('stops: no run after stop, and stop waits for the run under way', async () => {
    const { job, endRun } = pendingJob();
    const stop = scheduleRetention(job, { intervalMinutes: 10, firstRunSeconds: 0 }, fakeLog() as unknown as Logger);
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    endRun();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(job).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('logs counts only, and keeps the schedule after a failed run', async () => {
    const log = fakeLog();
    const job = vi.fn<() => Promise<RetentionRun>>().mockRejectedValueOnce(new Error('database gone')).mockResolvedValue(done);
    const stop = scheduleRetention(job, { intervalMinutes: 10, firstRunSeconds: 0 }, log as unknown as Logger);
    await vi.advanceTimersByTimeAsync(0);
    expect(log.error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'retention: erasure job failed');
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(log.info).toHaveBeenCalledWith({ erased: 2 }, 'retention: erased closed cases');
    expect(JSON.stringify([log.info.mock.calls, log.error.mock.calls])).not.toMatch(/K-\d{6}/);
    await stop();
  });
});
