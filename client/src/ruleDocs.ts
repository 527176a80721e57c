import * as vscode from 'vscode';
import { ALL_RULES } from '../../server/src/core/rules';

/** Opens a rule's documentation page (asking which rule when none is given) in the Markdown preview. */
export async function showRuleDocs(context: vscode.ExtensionContext, ruleId?: string): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    const pick = await vscode.window.showQuickPick(
      ALL_RULES.map((r) => ({ label: r.id, description: r.defaultSeverity, detail: r.summary })),
      { placeHolder: 'Which rule?', matchOnDetail: true },
    );
    id = pick?.label;
  }
  if (!id) return;
  const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}
