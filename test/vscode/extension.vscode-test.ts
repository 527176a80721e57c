/**
 * The extension in a real VS Code: language registration, diagnostics from the server, hovers,
 * completion, navigation, code actions and the flow preview command, through VS Code's own API.
 * The workspace is prepared by test/e2e/run.mjs: the examples plus broken.call.yaml.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'callscript.callscript';

function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Waits for the server's diagnostics for `uri` that satisfy `ok` (event-driven, with a deadline). */
function diagnosticsFor(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const d = vscode.languages.getDiagnostics(uri);
      if (ok(d)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(d);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => void check());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no matching diagnostics for ${uri.toString()}: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`));
    }, timeoutMs);
    check();
  });
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(doc);
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('Callscript extension', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    await ext.activate();
  });

  it('gives *.call.yaml files the callscript language', async () => {
    const editor = await open('router-helpdesk.call.yaml');
    assert.equal(editor.document.languageId, 'callscript');
  });

  it('reports the findings of a broken script with rule ids and doc links', async () => {
    const editor = await open('broken.call.yaml');
    const diags = await diagnosticsFor(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'unknown-target'));
    const unknown = diags.find((x) => codeOf(x) === 'unknown-target')!;
    assert.equal(unknown.source, 'callscript');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknown.message, /offr/);
    assert.equal(editor.document.getText(unknown.range), 'offr');
    const code = unknown.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/unknown-target\.md$/);
  });

  it('reports no findings for a clean example', async () => {
    const editor = await open('router-helpdesk.call.yaml');
    // Wait for the server to have answered for this document (it publishes an empty list too).
    await new Promise((r) => setTimeout(r, 50));
    const diags = await diagnosticsFor(editor.document.uri, (d) => d.length === 0, 10_000);
    assert.deepEqual(diags, []);
  });

  it('updates diagnostics while typing', async () => {
    const editor = await open('broken.call.yaml');
    const doc = editor.document;
    const at = doc.getText().indexOf('offr');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 4)), 'offer'));
    await diagnosticsFor(doc.uri, (d) => !d.some((x) => codeOf(x) === 'unknown-target'));
    await vscode.commands.executeCommand('undo');
    await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'unknown-target'));
  });

  it('explains a glossary term on hover', async () => {
    const editor = await open('broken.call.yaml');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'back office', 3));
    assert.match(hoverText(hovers), /back office/i);
    assert.ok(hoverText(hovers).length > 60, 'the hover holds a definition');
  });

  it('shows the target step text when hovering a reference', async () => {
    const editor = await open('broken.call.yaml');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'next: close', 7));
    assert.match(hoverText(hovers), /Thank you/);
  });

  it('completes step ids after next:', async () => {
    const editor = await open('broken.call.yaml');
    const doc = editor.document;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, 'next: close', 6));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const id of ['greeting', 'offer', 'close']) assert.ok(labels.includes(id), `completion offers ${id}: ${labels.join(', ')}`);
  });

  it('goes to the definition of a step', async () => {
    const editor = await open('broken.call.yaml');
    const doc = editor.document;
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'next: close', 7));
    assert.ok(locations.length > 0, 'a definition is found');
    const loc = locations[0];
    const range = 'targetRange' in loc ? loc.targetSelectionRange ?? loc.targetRange : loc.range;
    assert.equal(doc.getText(range), 'close');
  });

  it('offers a did-you-mean quick fix', async () => {
    const editor = await open('broken.call.yaml');
    const doc = editor.document;
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'unknown-target'));
    const range = diags.find((x) => codeOf(x) === 'unknown-target')!.range;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range);
    assert.ok(actions.some((a) => /offer/.test(a.title)), `actions: ${actions.map((a) => a.title).join(' | ')}`);
  });

  it('lists steps in the outline', async () => {
    const editor = await open('broken.call.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const names = JSON.stringify(symbols.map((s) => [s.name, s.children.map((c) => c.name)]));
    for (const id of ['greeting', 'offer', 'close']) assert.ok(names.includes(id), `outline has ${id}: ${names}`);
  });

  it('opens the flow preview beside the script', async () => {
    await open('router-helpdesk.call.yaml');
    await vscode.commands.executeCommand('callscript.openPreviewToSide');
    const deadline = Date.now() + 10_000;
    let tab: vscode.Tab | undefined;
    while (!tab && Date.now() < deadline) {
      tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
      if (!tab) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(tab, 'a webview tab is open');
    assert.match(tab.label, /router-helpdesk|Flow/i);
  });

  it('has the restart and rule-docs commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['callscript.restartServer', 'callscript.showRuleDocs', 'callscript.openPreview', 'callscript.openPreviewToSide']) assert.ok(all.includes(c), c);
  });
});

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}
