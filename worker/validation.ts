// Request bodies through zod (Hono's zod validator), after jsonBody (json-body.ts) has read them: a body that
// fails its schema becomes the route's HttpError naming its first problems.

import { zValidator } from "@hono/zod-validator";
import type * as z from "zod/mini";
import { type SchemaError, schemaErrors, zhIssue } from "../core/templates/schema-kit.ts";
import type { HttpError } from "./http-errors.ts";

export { isJsonType, jsonBody } from "./json-body.ts";

export interface Invalid {
  errors: SchemaError[];
  more: number;
  /** some problem is a size over a limit (413 rather than 400) */
  tooLarge: boolean;
}

/** Validates the JSON body with `schema`; `fail` turns its problems into the route's error. */
export function validJson(schema: z.ZodMiniType, fail: (invalid: Invalid) => HttpError) {
  return zValidator(
    "json",
    schema,
    (result) => {
      if (!result.success) {
        const tooLarge = result.error.issues.some((i) => i.code === "too_big");
        throw fail({ ...schemaErrors(result.error), tooLarge });
      }
    },
    // synchronous, as everywhere else: an async parse orders an object's keys by when they finish, and the
    // content hash of a template depends on that order. zod/mini's result has the shape the validator reads.
    { validationFunction: (s: z.ZodMiniType, value) => s.safeParse(value, { error: zhIssue }) as never },
  );
}
