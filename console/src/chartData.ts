/**
 * A chart's series: `null` is a suppressed value (published as null by the graph), `undefined` a
 * value that does not exist (no clients of that town in that period) — only the first is marked.
 */
export interface Series {
  readonly name: string;
  readonly data: readonly (number | null | undefined)[];
}

/** The points a chart cannot draw because they are suppressed, named for people: "2024: Stufe 1". */
export function suppressedPoints(categories: readonly string[], series: readonly Series[]): string[] {
  return categories.flatMap((category, i) => series.filter((s) => s.data[i] === null).map((s) => `${category}: ${s.name}`));
}
