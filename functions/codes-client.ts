// Code editions for the custom functions: fetched from the Worker once per edition year, then served from
// memory and kept in storage across reloads (revalidated once per session), so 10,000 JS.NAME cells cost one request.

import { Edition, type EditionJSON } from "../core/index.ts";
import { notAvailable } from "../core/errors.ts";
import { Remote } from "./remote.ts";

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface CodesClientOptions {
  baseUrl: string;
  fetch: typeof fetch;
  storage?: KeyValueStorage | null;
  timeoutMs?: number;
  maxConcurrent?: number;
  /** how long a failed fetch is remembered before the next recalculation may try again */
  retryAfterMs?: number;
}

interface Stored {
  etag: string | null;
  edition: EditionJSON;
}

type YearKey = number | "latest";

export class CodesClient {
  private readonly remote: Remote;
  private readonly memory = new Map<YearKey, Promise<Edition>>();
  /** editions whose promise has settled, for an answer without a Promise (see loaded) */
  private readonly ready = new Map<YearKey, Edition>();
  private readonly failures = new Map<YearKey, { at: number; error: Error }>();
  private readonly revalidated = new Set<YearKey>();

  constructor(private readonly options: CodesClientOptions) {
    this.remote = new Remote(options.fetch, {
      timeoutMs: options.timeoutMs ?? 10_000,
      maxConcurrent: options.maxConcurrent ?? 4,
    });
  }

  /** The edition of `year` (the newest when null). Rejects with a DomainError("not-available"). */
  edition(year: number | null): Promise<Edition> {
    const key: YearKey = year ?? "latest";
    const cached = this.memory.get(key);
    if (cached) return cached;
    const failed = this.failures.get(key);
    if (failed && Date.now() - failed.at < (this.options.retryAfterMs ?? 15_000)) return Promise.reject(failed.error);

    const fromStorage = this.readStorage(key);
    const promise = fromStorage
      ? Promise.resolve(Edition.fromJSON(fromStorage.edition))
      : this.download(key, null).then((s) => Edition.fromJSON(s!.edition));
    this.memory.set(key, promise);
    promise.then(
      (edition) => {
        if (this.memory.get(key) === promise) this.ready.set(key, edition);
        this.failures.delete(key);
        if (fromStorage) this.revalidate(key, fromStorage.etag);
      },
      (error: Error) => {
        this.memory.delete(key);
        this.failures.set(key, { at: Date.now(), error });
      },
    );
    return promise;
  }

  /** The edition of `year` when it is already in memory — so a warm JS.NAME needs no Promise — else null. */
  loaded(year: number | null): Edition | null {
    return this.ready.get(year ?? "latest") ?? null;
  }

  /** Fetches the edition; null when the server says the stored copy is still current (304). */
  private async download(key: YearKey, etag: string | null): Promise<Stored | null> {
    const url = `${this.options.baseUrl.replace(/\/$/, "")}/v1/codes/${key}`;
    let res: Response;
    try {
      res = await this.remote.fetch(url, { headers: etag ? { "If-None-Match": etag } : {} });
    } catch (err) {
      throw notAvailable(`无法取得${key === "latest" ? "最新" : ` ${key} 年`}科目表：${(err as Error).message}`);
    }
    if (res.status === 304) return null;
    const body = (await res.json().catch(() => null)) as (EditionJSON & { message?: string }) | null;
    if (!res.ok || !body) {
      throw notAvailable(body?.message ?? `无法取得${key === "latest" ? "最新" : ` ${key} 年`}科目表（服务返回 ${res.status}）`);
    }
    const stored = { etag: res.headers.get("ETag"), edition: body };
    this.writeStorage(key, stored);
    return stored;
  }

  /** Once per session, asks whether a stored edition changed; keeps serving the stored one meanwhile. */
  private revalidate(key: YearKey, etag: string | null): void {
    if (this.revalidated.has(key)) return;
    this.revalidated.add(key);
    this.download(key, etag).then(
      (fresh) => {
        if (!fresh) return;
        const edition = Edition.fromJSON(fresh.edition);
        this.memory.set(key, Promise.resolve(edition));
        this.ready.set(key, edition);
      },
      () => {
        // offline: the stored edition stays in use
      },
    );
  }

  private storageKey(key: YearKey): string {
    return `juesuan.codes.${this.options.baseUrl}.${key}`;
  }

  private readStorage(key: YearKey): Stored | null {
    try {
      const text = this.options.storage?.getItem(this.storageKey(key));
      return text ? (JSON.parse(text) as Stored) : null;
    } catch {
      return null;
    }
  }

  private writeStorage(key: YearKey, stored: Stored): void {
    try {
      this.options.storage?.setItem(this.storageKey(key), JSON.stringify(stored));
    } catch {
      // storage full or disabled: the edition still serves from memory
    }
  }
}
