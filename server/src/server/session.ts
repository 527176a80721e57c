import { join } from 'path';
import { pathToFileURL } from 'url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type ClientCapabilities,
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeTextDocumentParams,
  type DidChangeWatchedFilesParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type InitializeParams,
} from 'vscode-languageserver';
import { analyze, type Config } from '../core';
import type { ObjectionLibrary } from '../core/objections';
import { AnalysisCache, type Snapshot } from './analysisCache';
import { isConfigFile, NearestConfig } from '../node/configFiles';
import { toDiagnostic } from './convert';
import { OpenDocuments } from './documents';
import { Glossaries } from './glossaries';
import { packageRoot } from './packageRoot';
import type { CallscriptInitializationOptions } from './protocol';
import { loadBuiltIns } from './resources';
import { scriptIndex } from './scriptIndex';
import { SettingsStore, settingsConfig, type Settings } from './settings';
import { GLOSSARY_GLOB, SCRIPT_GLOBS, WorkspaceFolders, isGlossaryPath, isScriptPath, pathOf, readText, uriOf } from './workspace';

/** Longest pause in typing waited for before a document is analysed again. */
export const DEBOUNCE_MS = 150;

/**
 * The server's state for one client: open documents and their analyses, settings,
 * configuration files, glossaries, and the workspace's scripts on disk. Document and workspace
 * events come in here; requests read from it (see requests.ts).
 */
export class Session {
  readonly documents = new OpenDocuments();
  readonly cache: AnalysisCache;
  readonly settings: SettingsStore;
  readonly glossaries: Glossaries;
  readonly library: ObjectionLibrary;
  readonly docsBase: string | undefined;
  readonly capabilities: ClientCapabilities;
  /** cached per directory once the client watches configuration files for us */
  private readonly configFiles = new NearestConfig(false);
  private readonly workspace: WorkspaceFolders;
  /** scripts on disk whose diagnostics were published from the file (not open in the editor) */
  private readonly onDisk = new Set<string>();
  private readonly warned = new Set<string>();
  private disposed = false;
  /** settles once the workspace's glossary files are read (hovers wait for it, once) */
  glossariesRead: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    params: InitializeParams,
  ) {
    this.capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as CallscriptInitializationOptions;
    const pull = params.capabilities.workspace?.configuration === true;
    this.settings = new SettingsStore(connection, pull, options.settings, (m) => this.warnOnce(m));
    const root = packageRoot();
    this.docsBase = docsBaseOf(options, root);
    const builtIns = loadBuiltIns(root, (m) => this.log(m));
    this.glossaries = new Glossaries(builtIns.glossary, (m) => this.log(m));
    this.library = builtIns.library;
    const folders = params.workspaceFolders?.map((f) => pathOf(f.uri)) ?? [pathOf(params.rootUri ?? '') ?? params.rootPath ?? undefined];
    this.workspace = new WorkspaceFolders(folders.filter((f): f is string => typeof f === 'string' && f !== ''));
    this.cache = new AnalysisCache(
      this.documents,
      {
        configFor: (uri) => this.configFor(uri),
        analyzed: (snapshot) => this.publish(snapshot),
        failed: (uri, e) => this.log(`analysis of ${uri} failed: ${(e as Error)?.stack ?? e}`),
      },
      DEBOUNCE_MS,
    );
  }

  /** After `initialized`: watch configuration, glossary and script files, then check the workspace's scripts. */
  async initialized(): Promise<void> {
    if (this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const globs = [...SCRIPT_GLOBS, GLOSSARY_GLOB, '**/{callscript.config.yaml,callscript.config.yml,.callscript.yaml}'];
      try {
        await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) });
        this.configFiles.cache = true;
      } catch (e) {
        // Without watchers, configuration files are read again for every check: slower, never stale.
        this.log(`could not watch files: ${(e as Error)?.message ?? e}`);
      }
    }
    const scan = this.workspace.scan();
    this.glossariesRead = scan.then(
      ({ glossaries }) => {
        for (const path of glossaries) this.glossaries.load(path);
      },
      () => undefined,
    );
    await this.glossariesRead;
    const { scripts } = await scan;
    for (const path of scripts) {
      if (this.disposed) return;
      await this.validateOnDisk(path);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const doc of this.documents.all()) this.cache.drop(doc.uri);
  }

  opened({ textDocument: d }: DidOpenTextDocumentParams): void {
    this.documents.open(d.uri, d.languageId, d.version, d.text);
    this.onDisk.delete(d.uri);
    this.cache.schedule(d.uri, 0);
  }

  changed({ textDocument, contentChanges }: DidChangeTextDocumentParams): void {
    const doc = this.documents.get(textDocument.uri);
    if (!doc) return;
    doc.apply(contentChanges, textDocument.version);
    this.cache.schedule(doc.uri);
  }

  /** A closed script goes back to its diagnostics on disk (if it is a workspace script), else to none. */
  async closed({ textDocument: { uri } }: DidCloseTextDocumentParams): Promise<void> {
    this.documents.close(uri);
    this.cache.drop(uri);
    this.settings.forget(uri);
    const path = pathOf(uri);
    if (path && isScriptPath(path) && this.workspace.contains(path)) await this.validateOnDisk(path);
    else this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  configurationChanged(params: DidChangeConfigurationParams): void {
    this.settings.changed(params.settings);
    this.revalidateAll();
    if (this.capabilities.workspace?.inlayHint?.refreshSupport) void this.connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  async watchedFilesChanged({ changes }: DidChangeWatchedFilesParams): Promise<void> {
    let configChanged = false;
    for (const change of changes) {
      const path = pathOf(change.uri);
      if (!path) continue;
      if (isConfigFile(path)) {
        configChanged = true;
      } else if (isGlossaryPath(path)) {
        if (change.type === FileChangeType.Deleted) this.glossaries.remove(path);
        else this.glossaries.load(path);
      } else if (isScriptPath(path) && this.workspace.contains(path)) {
        await this.validateOnDisk(path);
      }
    }
    if (configChanged) {
      this.configFiles.clear();
      this.warned.clear();
      this.revalidateAll();
    }
  }

  /** Settings of a document (hover language, speaking rate, inlay hints). */
  settingsFor(uri: string): Promise<Settings> {
    return this.settings.forDocument(uri);
  }

  /**
   * The configuration for a script, found as the CLI finds it: the nearest configuration file
   * above it wins outright (so the editor reports what CI reports), else the editor settings.
   */
  async configFor(uri: string): Promise<Config> {
    const path = pathOf(uri);
    const found = path ? this.configFiles.forFile(path) : undefined;
    if (found && 'config' in found) return found.config;
    if (found) this.warnOnce(`${found.problem} (using the editor settings instead)`);
    return settingsConfig(await this.settings.forDocument(uri));
  }

  log(message: string): void {
    this.connection.console.log(`callscript: ${message}`);
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.log(message);
    void this.connection.window.showWarningMessage(`Callscript: ${message}`);
  }

  private publish(snapshot: Snapshot): void {
    const doc = this.documents.get(snapshot.uri);
    // Never publish for a version the editor no longer shows.
    if (!doc || doc.version !== snapshot.version) return;
    const { findings, lines } = snapshot.analysis;
    this.connection.sendDiagnostics({ uri: snapshot.uri, version: snapshot.version, diagnostics: findings.map((f) => toDiagnostic(f, lines, this.docsBase)) });
    // Build the lookup indexes now, between requests, rather than on the first hover.
    setImmediate(() => {
      if (this.cache.latest(snapshot.uri) === snapshot) scriptIndex(snapshot.analysis);
    });
  }

  private isOpen(path: string): boolean {
    return this.documents.all().some((d) => pathOf(d.uri) === path);
  }

  /** Diagnostics of a script that is not open, from its file (none once the file is gone). */
  private async validateOnDisk(path: string): Promise<void> {
    const uri = uriOf(path);
    if (this.isOpen(path)) return;
    const text = await readText(path);
    const config = text === undefined ? undefined : await this.configFor(uri);
    // The document may have been opened meanwhile: then the editor's text is what counts.
    if (this.isOpen(path) || this.disposed) return;
    if (text === undefined || config === undefined) {
      if (this.onDisk.delete(uri)) this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const analysis = analyze(text, { config });
    this.onDisk.add(uri);
    this.connection.sendDiagnostics({ uri, diagnostics: analysis.findings.map((f) => toDiagnostic(f, analysis.lines, this.docsBase)) });
  }

  private revalidateAll(): void {
    this.cache.invalidate();
    void (async () => {
      for (const uri of [...this.onDisk]) {
        const path = pathOf(uri);
        if (path && !this.disposed) await this.validateOnDisk(path);
      }
    })().catch((e) => this.log(`re-checking the workspace failed: ${e}`));
  }
}

/** Where the rule pages are: `initializationOptions.docsBaseUri`, else docs/rules in the package. */
function docsBaseOf(options: CallscriptInitializationOptions, root: string | undefined): string | undefined {
  const given = options.docsBaseUri;
  if (typeof given === 'string' && given !== '') return given.endsWith('/') ? given : `${given}/`;
  return root ? `${pathToFileURL(join(root, 'docs', 'rules')).href}/` : undefined;
}
