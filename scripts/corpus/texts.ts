// The texts part of `npm run corpus` (see scripts/corpus.ts). Placeholder until its reader lands.

export async function runTextCorpus(dir: string): Promise<boolean> {
  console.log(`${dir}：尚未测量`);
  return true;
}
