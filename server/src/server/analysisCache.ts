import { analyze, type Analysis, type Config } from '../core';
import type { OpenDocument, OpenDocuments } from './documents';
import { collectGarbageIfGrown } from './memory';

/** One analysis of one version of an open document. */
export interface Snapshot {
  uri: string;
  version: number;
  analysis: Analysis;
  config: Config;
  /** the configuration generation it was made under (see `AnalysisCache.invalidate`) */
  generation: number;
}

export interface CacheHooks {
  /** the configuration that applies to a document (file, else editor settings) */
  configFor(uri: string): Promise<Config>;
  /** called with each new analysis of the document's current version (publish its diagnostics) */
  analyzed(snapshot: Snapshot): void;
  /** a scheduled analysis failed (a bug: the core never throws); the server goes on */
  failed(uri: string, error: unknown): void;
}

/** The shortest pause waited for after a change. */
const MIN_PAUSE_MS = 20;

interface Entry {
  /** the newest analysis, perhaps of an older version */
  latest?: Snapshot;
  /** the newest analysis whose text could be read as YAML: completion's context when typing breaks it */
  good?: Snapshot;
  timer?: NodeJS.Timeout;
  /** how long the last analysis took, in milliseconds */
  cost?: number;
  running?: { version: number; generation: number; promise: Promise<Snapshot | undefined> };
}

/**
 * Parses each open document once per version, after a pause in typing, and keeps the result for
 * every feature to read. Work for a version that is no longer current is dropped before it
 * starts and its result never reported, so diagnostics always belong to the text on screen.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly documents: OpenDocuments,
    private readonly hooks: CacheHooks,
    private readonly debounceMs = 150,
  ) {}

  /**
   * Analyse the document after a pause in changes: `debounceMs` for a document whose analysis
   * takes twice that or more, else half as long as its analysis takes (a short pause saves little
   * work and costs latency on every edit), but at least `MIN_PAUSE_MS`, so that a burst of
   * changes (a paste, several cursors, an auto-closed quote) is analysed once.
   */
  schedule(uri: string, delay?: number): void {
    const entry = this.entry(uri);
    const wait = delay ?? Math.max(MIN_PAUSE_MS, Math.min(this.debounceMs, Math.ceil((entry.cost ?? 2 * this.debounceMs) / 2)));
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.refresh(uri, false).catch((e: unknown) => this.hooks.failed(uri, e));
    }, wait);
    // The earlier analyses replaced since the last collection are garbage: collected while the
    // pause is being waited for, they delay little (at 10,000 steps a collection takes about 40 ms,
    // about as long as the pause; a small script seldom leaves enough garbage to need one).
    collectGarbageIfGrown();
  }

  /** The analysis of the document's current text, made now if there is none yet. */
  async current(uri: string): Promise<Snapshot | undefined> {
    const doc = this.documents.get(uri);
    const latest = this.entries.get(uri)?.latest;
    if (!doc) return undefined;
    if (latest && latest.version === doc.version && latest.generation === this.generation) return latest;
    return this.refresh(uri, true);
  }

  /** The newest analysis, which may describe an older version (answer quickly from it). */
  latest(uri: string): Snapshot | undefined {
    return this.entries.get(uri)?.latest;
  }

  /** The newest analysis that has a syntax tree. */
  lastGood(uri: string): Snapshot | undefined {
    return this.entries.get(uri)?.good;
  }

  /** The configuration changed: every document is analysed again. */
  invalidate(): void {
    this.generation++;
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  drop(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(uri);
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) this.entries.set(uri, (entry = {}));
    return entry;
  }

  private refresh(uri: string, wanted: boolean): Promise<Snapshot | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    const entry = this.entry(uri);
    const version = doc.version;
    const generation = this.generation;
    if (entry.running?.version === version && entry.running.generation === generation) return entry.running.promise;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    const promise = this.run(doc, entry, version, generation, wanted);
    entry.running = { version, generation, promise };
    const clear = (): void => {
      if (entry.running?.promise === promise) entry.running = undefined;
    };
    promise.then(clear, clear);
    return promise;
  }

  private async run(doc: OpenDocument, entry: Entry, version: number, generation: number, wanted: boolean): Promise<Snapshot | undefined> {
    const config = await this.hooks.configFor(doc.uri);
    const stale = this.documents.get(doc.uri) !== doc || doc.version !== version || generation !== this.generation;
    // A newer version is on its way (or the document closed): a caller that needs the current
    // analysis gets that one; a scheduled run just stops.
    if (stale) return wanted ? this.current(doc.uri) : undefined;
    // The previous analysis of a broken text is of no further use.
    if (entry.latest !== entry.good) entry.latest = undefined;
    // The newest analysis that could be read is handed over, to be reused where the edits since left
    // it alone. The core takes it over only when the new text can be read too, so it is replaced
    // below before anything reads it again; otherwise it is left as it was, still the last good one.
    const previous = entry.good?.analysis;
    const started = performance.now();
    const analysis = analyze(doc.text, { config, previous });
    entry.cost = performance.now() - started;
    // The plain-data copy of the document is only the schema check's input; features read the tree.
    analysis.yaml.value = undefined;
    const snapshot: Snapshot = { uri: doc.uri, version, analysis, config, generation };
    entry.latest = snapshot;
    if (analysis.yaml.root) entry.good = snapshot;
    doc.forgetUpTo(entry.good?.version ?? version);
    this.hooks.analyzed(snapshot);
    return snapshot;
  }
}
