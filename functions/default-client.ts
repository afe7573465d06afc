// The one CodesClient of the add-in's runtime: it talks to the origin the add-in was served from and keeps
// editions in localStorage. Tests and the bench point it elsewhere with useCodesClient.

import { CodesClient } from "./codes-client.ts";

let client: CodesClient | null = null;

export function codesClient(): CodesClient {
  client ??= new CodesClient({
    baseUrl: globalThis.location?.origin ?? "http://127.0.0.1:8787",
    fetch: (...args) => globalThis.fetch(...args),
    storage: globalThis.localStorage ?? null,
  });
  return client;
}

export function useCodesClient(next: CodesClient): void {
  client = next;
}
