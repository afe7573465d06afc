// Types for pdfjs's worker module, which ships without them: juesuan only hands its message handler to pdfjs
// so the "worker" runs in the calling thread (workerd has no worker threads; Node and the pane need none).

declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
