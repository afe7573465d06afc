// Settings the Worker reads beyond its bindings: the publishing secret and the origins CORS admits.
declare namespace Cloudflare {
  interface Env {
    /** set with `wrangler secret put PUBLISH_TOKEN`; `npm start` writes a local one into .dev.vars */
    PUBLISH_TOKEN?: string;
    /** comma-separated origins besides the Worker's own that may call the API from a browser */
    ALLOWED_ORIGINS?: string;
    /** wrong publishing tokens per client address (wrangler.toml [[ratelimits]]) */
    PUBLISH_FAILURES: RateLimit;
  }
}
