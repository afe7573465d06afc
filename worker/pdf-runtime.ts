// What pdfjs expects of a browser that workerd lacks: it builds DOMMatrix (and may build Path2D) while loading,
// for drawing, which the Worker never does (it reads text only). Inert stand-ins let it load.

class InertMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: number[]) {
    if (init) [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
  }
  multiplySelf() {
    return this;
  }
  preMultiplySelf() {
    return this;
  }
  translate() {
    return this;
  }
  scale() {
    return this;
  }
  invertSelf() {
    return this;
  }
}

export function installPdfRuntime(): void {
  const g = globalThis as Record<string, unknown>;
  g.DOMMatrix ??= InertMatrix;
  g.Path2D ??= class {};
}
