// What one isolate holds in memory for a short while instead of asking D1 again: reference data that changes
// only when published. Clients cache these responses for 5 minutes (Cache-Control), so a 60-second memo adds
// no staleness a client would not already see; a publish through this isolate forgets at once.

export class IsolateMemo<K, V> {
  private readonly held = new Map<K, { loading: Promise<V | null>; at: number }>();

  constructor(private readonly ttlMs = 60_000) {}

  /** The value for `key`, loaded once per TTL; a failed or empty load is not kept, so the next call asks again. */
  get(key: K, load: () => Promise<V | null>): Promise<V | null> {
    const hit = this.held.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.loading;
    const loading = load();
    this.held.set(key, { loading, at: Date.now() });
    loading.then(
      (v) => v ?? this.held.delete(key),
      () => this.held.delete(key),
    );
    return loading;
  }

  forget(key?: K): void {
    if (key === undefined) this.held.clear();
    else this.held.delete(key);
  }
}
