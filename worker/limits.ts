// The size limits of requests; kept apart because a Worker's main module may export only handlers.
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
