// A content hash for editions and templates (ETags, cache keys, "has it changed"): SHA-256 through Web
// Crypto, which the browser, workerd and Node 20 all provide as the same standard API.

export async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
