// Runs the command line in-process, as `npx juesuan …` would, and keeps what it printed and its exit status.
import { main } from "../../cli/main.ts";

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join("\n"), err: err.join("\n") };
}
