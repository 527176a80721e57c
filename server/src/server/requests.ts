import type {
  CodeAction,
  CodeActionParams,
  CompletionList,
  CompletionParams,
  DefinitionParams,
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  InlayHint,
  InlayHintParams,
  Location,
  PrepareRenameParams,
  Range,
  ReferenceParams,
  RenameParams,
  SymbolInformation,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { DEFAULT_WORDS_PER_MINUTE, type Analysis } from '../core';
import type { Snapshot } from './analysisCache';
import { codeActions } from './features/codeActions';
import { completionsAt } from './features/completion';
import { foldingRanges } from './features/folding';
import { glossaryHover, hoverAt, type HoverSources } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { definition, references } from './features/navigation';
import { prepareRename, rename } from './features/rename';
import { documentSymbols, flatSymbols } from './features/symbols';
import type { Session } from './session';

/**
 * Request handlers: each picks the analysis it needs from the session and hands it to its
 * feature. Hover and completion answer at once from the newest analysis (traced to the text
 * being typed); the others wait for the analysis of the current text.
 */

async function hoverSources(session: Session, uri: string): Promise<HoverSources> {
  await session.glossariesRead;
  const settings = await session.settingsFor(uri);
  return { glossary: session.glossaries.index, techniques: session.library.techniques, language: settings.hoverLanguage };
}

export async function onHover(session: Session, { textDocument: { uri }, position }: HoverParams): Promise<Hover | null> {
  const doc = session.documents.get(uri);
  if (!doc) return null;
  const sources = await hoverSources(session, uri);
  const latest = session.cache.latest(uri) ?? (await session.cache.current(uri));
  for (const snapshot of [latest, session.cache.lastGood(uri)]) {
    if (!snapshot?.analysis.yaml.root) continue;
    if (snapshot.version === doc.version) return hoverAt(snapshot.analysis, snapshot.analysis.lines.offsetAt(position), sources) ?? null;
    const offset = doc.textDocument.offsetAt(position);
    const old = doc.unchangedSince(offset, offset + 1, snapshot.version);
    if (old !== undefined) return hoverAt(snapshot.analysis, old, sources, false) ?? null;
  }
  return glossaryHover(doc.text, doc.textDocument.offsetAt(position), sources) ?? null;
}

export async function onCompletion(session: Session, { textDocument: { uri }, position }: CompletionParams): Promise<CompletionList | null> {
  const doc = session.documents.get(uri);
  if (!doc) return null;
  if (!session.cache.latest(uri)) await session.cache.current(uri);
  const settings = await session.settingsFor(uri);
  const snippets = session.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  return completionsAt(doc, position, session.cache.lastGood(uri), { library: session.library, snippets, language: settings.hoverLanguage });
}

/** The analysis of the document's current text and the offset of a position in it. */
async function currentAt(session: Session, uri: string, position: { line: number; character: number }): Promise<{ analysis: Analysis; offset: number } | undefined> {
  const snapshot = await session.cache.current(uri);
  return snapshot && { analysis: snapshot.analysis, offset: snapshot.analysis.lines.offsetAt(position) };
}

export async function onDefinition(session: Session, { textDocument: { uri }, position }: DefinitionParams): Promise<Location | null> {
  const at = await currentAt(session, uri, position);
  return (at && definition(at.analysis, uri, at.offset)) ?? null;
}

export async function onReferences(session: Session, { textDocument: { uri }, position, context }: ReferenceParams): Promise<Location[]> {
  const at = await currentAt(session, uri, position);
  return at ? references(at.analysis, uri, at.offset, context.includeDeclaration) : [];
}

export async function onPrepareRename(session: Session, { textDocument: { uri }, position }: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
  const at = await currentAt(session, uri, position);
  return at ? prepareRename(at.analysis, at.offset) : null;
}

export async function onRename(session: Session, { textDocument: { uri }, position, newName }: RenameParams): Promise<WorkspaceEdit | null> {
  const at = await currentAt(session, uri, position);
  return at ? rename(at.analysis, uri, at.offset, newName) : null;
}

export async function onDocumentSymbol(session: Session, { textDocument: { uri } }: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[]> {
  const snapshot = await session.cache.current(uri);
  if (!snapshot) return [];
  const hierarchical = session.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  return hierarchical ? documentSymbols(snapshot.analysis) : flatSymbols(snapshot.analysis, uri);
}

export async function onFoldingRanges(session: Session, { textDocument: { uri } }: FoldingRangeParams): Promise<FoldingRange[]> {
  const snapshot = await session.cache.current(uri);
  return snapshot ? foldingRanges(snapshot.analysis, session.capabilities.textDocument?.foldingRange?.rangeLimit) : [];
}

export async function onCodeAction(session: Session, { textDocument: { uri }, range }: CodeActionParams): Promise<CodeAction[]> {
  const snapshot = await session.cache.current(uri);
  if (!snapshot) return [];
  const { lines } = snapshot.analysis;
  return codeActions(snapshot.analysis, uri, lines.offsetAt(range.start), lines.offsetAt(range.end), session.docsBase);
}

export async function onInlayHints(session: Session, { textDocument: { uri }, range }: InlayHintParams): Promise<InlayHint[]> {
  const settings = await session.settingsFor(uri);
  if (!settings.inlayHints) return [];
  const snapshot: Snapshot | undefined = await session.cache.current(uri);
  if (!snapshot) return [];
  const { lines } = snapshot.analysis;
  return inlayHints(snapshot.analysis, lines.offsetAt(range.start), lines.offsetAt(range.end), snapshot.config.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE);
}
