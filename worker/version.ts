// The service version /health reports; kept apart because a Worker's main module may export only handlers.
export const VERSION = "0.1.0";
