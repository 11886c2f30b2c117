// pdfjs-dist ships no types for its worker module; we only hand it to pdf.js as the in-process worker.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
