/**
 * The client's request counters, shared by its interceptors and read through `stats()`.
 */
import type { ApiFamily } from '../model/operations.ts';
import type { RequestStats } from './types.ts';

export class ClientCounters {
  requests = 0;
  retries = 0;
  rateLimited = 0;
  serverErrors = 0;
  networkErrors = 0;
  retryWaitMs = 0;
  readonly byApi: Record<ApiFamily, number> = { v1: 0, rest: 0, apiweb: 0 };

  attempt(api: ApiFamily): void {
    this.requests++;
    this.byApi[api]++;
  }

  snapshot(pacedMs: number): RequestStats {
    return {
      requests: this.requests,
      retries: this.retries,
      rateLimited: this.rateLimited,
      byApi: { ...this.byApi },
      pacedMs,
      serverErrors: this.serverErrors,
      networkErrors: this.networkErrors,
      retryWaitMs: this.retryWaitMs,
    };
  }
}
