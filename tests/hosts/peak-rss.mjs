// Preloaded into a child `juesuan` (node --import) by the memory test: writes the process's peak resident
// memory in MB to $PEAK_RSS_FILE when it exits, however it exits.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.PEAK_RSS_FILE) writeFileSync(process.env.PEAK_RSS_FILE, String(Math.round(process.resourceUsage().maxRSS / 1024)));
});
