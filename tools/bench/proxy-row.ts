/** One row of `npm run bench:proxy --json`, as bench-all reads it back. */
export interface ProxyBenchRow {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  maxRssMb: number;
  restRssMb: number;
}
