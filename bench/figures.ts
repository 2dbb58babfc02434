import type autocannon from 'autocannon';

/** What the benches report of one autocannon run (shared by `support.ts` and the load worker). */
export type Figures = { requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number };

export function figuresOf(result: autocannon.Result): Figures {
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

/** One stream of a mixed load: its connections spread over `urls` (one per server process), each request's path and headers taken from `variants` in turn. */
export type Variant = { path: string; headers: Record<string, string> };
export type Stream = {
  name: string;
  urls: string[];
  connections: number;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  variants: Variant[];
  /** A fresh X-Forwarded-For address on every request (public routes behind a trusted proxy: their per-address limits count each as a visitor). */
  forwardedFor?: boolean;
};
export type StreamResult = Figures & { name: string; total: number; statusCodes: Record<string, number> };
