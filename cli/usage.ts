// A problem with what the user asked for (bad arguments, unusable input): printed as one line, exit status 2.
export class UsageError extends Error {}
