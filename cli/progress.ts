// The progress of a folder check on a terminal's stderr: drawn only when stderr is a terminal, and erased
// before any line is printed, so it never mixes into the report lines on the same screen.

export class Progress {
  private drawn = false;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream | null,
    private readonly total: number,
  ) {
    if (!stream?.isTTY) this.stream = null;
  }

  around(print: () => void): void {
    if (this.drawn) this.stream!.write("\r\u001b[K");
    this.drawn = false;
    print();
  }

  tick(done: number, current: string): void {
    if (!this.stream || done === this.total) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const rate = done / Math.max((Date.now() - this.started) / 1000, 0.001);
    this.stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${this.total} ${rate.toFixed(1)} 个/秒 ${current.slice(0, 30)}\u001b[K`);
    this.drawn = true;
  }

  end(): void {
    this.around(() => undefined);
  }
}
