// The pdf part of `npm run corpus` (see scripts/corpus.ts). Placeholder until its reader lands.

export async function runPdfCorpus(dir: string): Promise<boolean> {
  console.log(`${dir}：尚未测量`);
  return true;
}
