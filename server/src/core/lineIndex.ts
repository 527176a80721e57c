/**
 * The one place where character offsets become lines and columns. The core works in offsets
 * (UTF-16 code units, as JavaScript strings and LSP count them); each consumer converts at its edge.
 */
export interface Position {
  /** zero-based line */
  line: number;
  /** zero-based column in UTF-16 code units */
  character: number;
}

export class LineIndex {
  private table: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  /**
   * Offset at which each line starts, found on first use: a check without findings never needs
   * it. One exact-size typed array: a list grown by push leaves several times its size behind,
   * and the server makes one index per version of a document.
   */
  private get starts(): Uint32Array {
    return (this.table ??= lineStarts(this.text));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

function lineStarts(text: string): Uint32Array {
  // Most texts have no carriage return: the native search for line feeds is several times faster.
  if (text.indexOf('\r') < 0) {
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Uint32Array(count);
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    return starts;
  }
  const found: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) found.push(i + 1);
    else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      found.push(i + 1);
    }
  }
  return Uint32Array.from(found);
}
