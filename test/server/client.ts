/**
 * A small LSP client for tests and benchmarks: starts the real server
 * (`node server/bin/callscript-language-server.js --stdio`), initializes it with the
 * capabilities a test asks for, and drives documents through the protocol. Waits are on events
 * (diagnostics for a version), never on sleeps.
 */
import { spawn, type ChildProcess } from 'child_process';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
} from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core';
import { caret } from '../helpers/caret';

export const REPO = resolve(__dirname, '..', '..', '..');
export const SERVER_BIN = join(REPO, 'server', 'bin', 'callscript-language-server.js');

export interface ClientOptions {
  /** announce `workspace/configuration` (pull settings); default true */
  configuration?: boolean;
  /** the `callscript` section answered to `workspace/configuration` */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** workspace folder (file-system path) */
  root?: string;
  /** announce dynamic registration of file watchers; default true */
  watch?: boolean;
  snippets?: boolean;
  /** announce hierarchical document symbols; default true */
  hierarchicalSymbols?: boolean;
  /** the command that starts a server speaking LSP over stdio (default: the Callscript server) */
  command?: string[];
  /** answers to `workspace/configuration` for other sections (e.g. `yaml`) */
  sections?: Record<string, unknown>;
  /** extra node options for the server process */
  nodeArgs?: string[];
  /** environment variables for the server process, added to this process's own */
  env?: Record<string, string>;
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class TestClient {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  /** every publication, in order of arrival */
  readonly history: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly shownMessages: string[] = [];
  readonly registrations: unknown[] = [];
  configurationRequests = 0;
  settings: Record<string, unknown>;
  result!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private waiters: Waiter[] = [];
  private configurationWaiters: (() => void)[] = [];
  private exited = false;
  private stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
    process.on('exit', () => (this.exited = true));
    process.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      this.history.push(p);
      const ready = this.waiters.filter((w) => w.uri === p.uri && w.accept(p));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    connection.onNotification('window/showMessage', (p: { message: string }) => this.shownMessages.push(p.message));
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      for (const w of this.configurationWaiters.splice(0)) w();
      return p.items.map((item) => (item.section === 'callscript' || item.section === undefined ? this.settings : options.sections?.[item.section ?? ''] ?? null));
    });
    connection.onRequest('client/registerCapability', (p: unknown) => {
      this.registrations.push(p);
      return null;
    });
    for (const method of ['client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh', 'workspace/diagnostic/refresh']) {
      connection.onRequest(method, () => null);
    }
    connection.onRequest('window/showMessageRequest', () => null);
    connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const [cmd, ...args] = options.command ?? [process.execPath, ...(options.nodeArgs ?? []), SERVER_BIN, '--stdio'];
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: REPO, env: { ...process.env, ...options.env } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration !== false,
        didChangeWatchedFiles: { dynamicRegistration: options.watch !== false },
        workspaceFolders: true,
        inlayHint: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { didSave: false, dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: options.snippets !== false, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: options.hierarchicalSymbols !== false },
        rename: { prepareSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        foldingRange: {},
        inlayHint: {},
      },
    };
    const root = options.root;
    client.result = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: root ? uriOf(root) : null,
      workspaceFolders: root ? [{ uri: uriOf(root), name: 'workspace' }] : null,
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return !this.exited && this.process.exitCode === null;
  }

  get errors(): string {
    return this.stderr;
  }

  /** Resolves at the next `workspace/configuration` request from the server. */
  nextConfigurationRequest(): Promise<void> {
    return new Promise((r) => this.configurationWaiters.push(r));
  }

  /** The server's peak resident memory so far (VmHWM), in MB; undefined where /proc is not available. */
  peakRssMb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
      return kb ? Number(kb) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  async open(uri: string, text: string, languageId = 'callscript'): Promise<number> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  }

  /** Replaces the whole text (a full-document change). */
  async replace(uri: string, text: string): Promise<number> {
    const version = this.version(uri) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental change of `range` to `newText`, as an editor sends while typing. */
  async edit(uri: string, range: Range, newText: string): Promise<number> {
    const version = this.version(uri) + 1;
    const old = this.text(uri);
    const lines = new LineIndex(old);
    this.texts.set(uri, old.slice(0, lines.offsetAt(range.start)) + newText + old.slice(lines.offsetAt(range.end)));
    this.versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    return version;
  }

  /** Types `newText` at `position` (an insertion). */
  insert(uri: string, position: Position, newText: string): Promise<number> {
    return this.edit(uri, { start: position, end: position }, newText);
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The diagnostics published for `version` of a document (for a file on disk, `version` undefined: the next ones). */
  diagnostics(uri: string, version?: number, timeoutMs = 20000): Promise<Diagnostic[]> {
    return this.waitForPublish(uri, (p) => (version === undefined ? true : p.version === version), timeoutMs).then((p) => p.diagnostics);
  }

  /** Waits for a publication matching `accept` (one already received counts). */
  waitForPublish(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 20000): Promise<PublishDiagnosticsParams> {
    const last = this.published.get(uri);
    if (last && accept(last)) return Promise.resolve(last);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms (last: ${JSON.stringify(this.published.get(uri)?.version)})`));
      }, timeoutMs);
      const waiter: Waiter = {
        uri,
        accept,
        resolve: (p) => {
          clearTimeout(timer);
          resolvePromise(p);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Forgets what was published for a document, so the next wait sees only new publications. */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async stop(): Promise<void> {
    if (this.alive) {
      const exited = new Promise<void>((r) => this.process.once('exit', () => r()));
      try {
        await withTimeout(this.request('shutdown', null), 5000);
        await this.notify('exit', null);
        await withTimeout(exited, 5000);
      } catch {
        this.process.kill();
      }
    }
    this.connection.dispose();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error('timeout')), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        res(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        rej(e);
      },
    );
  });
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** A text with a `|` caret marker: the text without it, and the caret's LSP position. */
export function at(marked: string): { text: string; position: Position } {
  const { text, offset } = caret(marked);
  return { text, position: new LineIndex(text).positionAt(offset) };
}

/** The markdown of a hover, '' when there is none. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const c = hover.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}
