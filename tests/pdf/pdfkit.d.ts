// The part of pdfkit's API the fixture renderer uses (pdfkit ships no types; its dev-only use needs no more).

declare module "pdfkit" {
  interface PdfKitOptions {
    size?: string | [number, number];
    layout?: "portrait" | "landscape";
    margin?: number;
    autoFirstPage?: boolean;
    bufferPages?: boolean;
    compress?: boolean;
    info?: Record<string, string>;
    userPassword?: string;
    ownerPassword?: string;
    pdfVersion?: string;
  }
  export default class PDFDocument {
    constructor(options?: PdfKitOptions);
    page: { width: number; height: number };
    registerFont(name: string, src: string, family?: string): this;
    font(name: string, size?: number): this;
    fontSize(size: number): this;
    widthOfString(text: string): number;
    text(text: string, x: number, y: number, options?: { lineBreak?: boolean; width?: number; align?: string }): this;
    addPage(options?: PdfKitOptions): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    rect(x: number, y: number, w: number, h: number): this;
    image(src: Uint8Array, x: number, y: number, options?: { width?: number; height?: number }): this;
    lineWidth(w: number): this;
    stroke(): this;
    fill(color?: string): this;
    on(event: "data", listener: (chunk: Uint8Array) => void): this;
    on(event: "end", listener: () => void): this;
    end(): void;
  }
}
