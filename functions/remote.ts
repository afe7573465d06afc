// Careful remote calls for the add-in's runtime: every request has a timeout, at most a few run at once, and
// every failure becomes a Chinese message — a custom function must never wait forever (#BUSY!).

export interface RemoteOptions {
  timeoutMs: number;
  maxConcurrent: number;
}

export class Remote {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly options: RemoteOptions,
  ) {}

  /** fetch with a timeout and a place in the concurrency cap; rejects with a Chinese message. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    await this.acquire();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      return await this.fetchImpl(url, { ...init, signal: controller.signal });
    } catch (err) {
      if (controller.signal.aborted) throw new Error(`服务在 ${this.options.timeoutMs / 1000} 秒内没有应答`);
      throw new Error(`无法连接服务（${err instanceof Error ? err.message : String(err)}）`);
    } finally {
      clearTimeout(timer);
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.options.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running--;
  }
}
