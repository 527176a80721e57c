import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';

/** One change as offsets into the text before it; `start < 0` marks a whole-text replacement. */
interface LoggedChange {
  /** the document version the change produced */
  version: number;
  start: number;
  end: number;
  /** length of the inserted text */
  length: number;
}

/** Where an offset of the current text was in an older version. */
export interface MappedOffset {
  offset: number;
  /** false when the offset lies in text typed since then (mapped to where that text went in) */
  exact: boolean;
}

/** Changes kept at most; a document edited this much since its last good analysis is re-read anyway. */
const MAX_LOG = 5000;

/**
 * An open document and the changes made to it, so that positions in the text being typed can be
 * traced back into an older analysis (the last one that could be read) without diffing texts.
 */
export class OpenDocument {
  private doc: TextDocument;
  private log: LoggedChange[] = [];

  constructor(uri: string, languageId: string, version: number, text: string) {
    this.doc = TextDocument.create(uri, languageId, version, text);
  }

  get uri(): string {
    return this.doc.uri;
  }

  get version(): number {
    return this.doc.version;
  }

  get text(): string {
    return this.doc.getText();
  }

  get lineCount(): number {
    return this.doc.lineCount;
  }

  /** The document's own position converter, for the text being typed (not yet analysed). */
  get textDocument(): TextDocument {
    return this.doc;
  }

  apply(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        const start = this.doc.offsetAt(change.range.start);
        const end = this.doc.offsetAt(change.range.end);
        this.log.push({ version, start, end, length: change.text.length });
      } else {
        this.log.push({ version, start: -1, end: -1, length: change.text.length });
      }
      this.doc = TextDocument.update(this.doc, [change], version);
    }
    if (this.log.length > MAX_LOG) this.log = [{ version, start: -1, end: -1, length: 0 }];
  }

  /**
   * Offset `offset` of the current text in the text of `version`: exact where the text around
   * it is as it was, else where the typed text went in. Undefined when it cannot be traced.
   */
  mapToVersion(offset: number, version: number): MappedOffset | undefined {
    let at = offset;
    let exact = true;
    for (let i = this.log.length - 1; i >= 0 && this.log[i].version > version; i--) {
      const c = this.log[i];
      if (c.start < 0) return undefined;
      if (at >= c.start + c.length) {
        at += c.end - c.start - c.length;
      } else if (at > c.start) {
        at = c.start;
        exact = false;
      }
    }
    return { offset: at, exact };
  }

  /**
   * Where the range `[start, end)` of the current text began in the text of `version`, if no
   * change since then touched it (so the old analysis describes those very characters).
   */
  unchangedSince(start: number, end: number, version: number): number | undefined {
    let from = start;
    let to = end;
    for (let i = this.log.length - 1; i >= 0 && this.log[i].version > version; i--) {
      const c = this.log[i];
      if (c.start < 0) return undefined;
      if (to <= c.start) continue;
      if (from < c.start + c.length) return undefined;
      const delta = c.end - c.start - c.length;
      from += delta;
      to += delta;
    }
    return from;
  }

  /** Forgets the changes up to `version` once no analysis older than it is kept. */
  forgetUpTo(version: number): void {
    let n = 0;
    while (n < this.log.length && this.log[n].version <= version) n++;
    if (n > 0) this.log = this.log.slice(n);
  }
}

/** The open documents by URI. */
export class OpenDocuments {
  private readonly byUri = new Map<string, OpenDocument>();

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    const doc = new OpenDocument(uri, languageId, version, text);
    this.byUri.set(uri, doc);
    return doc;
  }

  get(uri: string): OpenDocument | undefined {
    return this.byUri.get(uri);
  }

  close(uri: string): void {
    this.byUri.delete(uri);
  }

  all(): OpenDocument[] {
    return [...this.byUri.values()];
  }
}
