// Entry of functions.js: associates every custom function id with its implementation. Outside Excel (a plain
// browser opening the pane) there is no CustomFunctions runtime and nothing to register.

import { functionsById } from "./functions.ts";

if (typeof CustomFunctions !== "undefined") {
  for (const [id, fn] of Object.entries(functionsById)) CustomFunctions.associate(id, fn);
}
