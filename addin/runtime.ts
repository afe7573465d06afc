// Entry of functions.js, the add-in's one script in its shared runtime: the =JS.… functions are registered,
// and the task pane starts when the page has one — one bundle, so core ships once.

import "../functions/register.ts";
import "./taskpane.ts";
