/** The q-quantile (0 < q < 1) of the values by the nearest-rank method; null for none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Rounded to one decimal: figures of days need no more, and fewer digits say less about anyone. */
export const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
