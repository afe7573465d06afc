// `npm run corpus`: measures juesuan on the real published material in ../shared/corpus (texts with an answer
// key, PDFs). A user's clone has no such folder: then it says so and exits 0. Never part of `npm test`.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../cli/builtin-data.ts";

const CORPUS = join(REPO_ROOT, "..", "shared", "corpus");

if (!existsSync(CORPUS)) {
  console.log(`没有找到语料目录 ${CORPUS}：跳过（语料只在开发环境中提供）。`);
  process.exit(0);
}

const parts = [
  { dir: join(CORPUS, "texts"), run: async (dir: string) => (await import("./corpus/texts.ts")).runTextCorpus(dir) },
  { dir: join(CORPUS, "pdf"), run: async (dir: string) => (await import("./corpus/pdf.ts")).runPdfCorpus(dir) },
];
let failed = false;
for (const part of parts) {
  if (!existsSync(part.dir)) {
    console.log(`（${part.dir} 不存在，跳过）`);
    continue;
  }
  if (!(await part.run(part.dir))) failed = true;
}
process.exit(failed ? 1 : 0);
