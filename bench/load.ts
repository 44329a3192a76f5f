import autocannon, { type Request } from 'autocannon';

export type LoadTarget = {
  url: string;
  /**
   * Several addresses on the same server, taken in turn by each client (a mix of searches rather than one address
   * repeated); `url` gives the server.
   */
  paths?: readonly string[];
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Replace `[<id>]` in the body with a unique id per request (writes that must not collide). */
  uniqueIds?: boolean;
  /** Which statuses count as the expected answer; 2xx by default. */
  expected?: (status: number) => boolean;
};

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  responses: number;
  /** Responses other than the expected ones, by status code. */
  unexpected: Record<string, number>;
  errors: number;
  timeouts: number;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/**
 * Runs autocannon against one target. Latencies are taken from every response (autocannon's own histogram keeps
 * only 2xx and has no p95), so a 303 after a form post counts as well.
 */
export function runLoad(target: LoadTarget, options: { connections: number; duration: number }): Promise<LoadResult> {
  const expected = target.expected ?? ((status: number) => status >= 200 && status < 300);
  const request: Request = { method: target.method ?? 'GET', headers: target.headers ?? {} };
  if (target.body !== undefined) request.body = target.body;
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: options.connections,
        duration: options.duration,
        requests: target.paths ? target.paths.map((path) => ({ ...request, path })) : [request],
        idReplacement: target.uniqueIds ?? false,
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requestsPerSecond: result.requests.average,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          responses: latencies.length,
          unexpected,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (!expected(statusCode)) unexpected[statusCode] = (unexpected[statusCode] ?? 0) + 1;
    });
  });
}
