import * as vscode from 'vscode';

export type ServerState = 'starting' | 'ready' | 'stopped';

const LOOK: Record<ServerState, { text: string; tooltip: string; background?: vscode.ThemeColor }> = {
  starting: { text: '$(loading~spin) Callscript', tooltip: 'Callscript language server is starting' },
  ready: { text: '$(check) Callscript', tooltip: 'Callscript language server is running. Click to show its output.' },
  stopped: { text: '$(error) Callscript', tooltip: 'Callscript language server is stopped. Click to show its output.', background: new vscode.ThemeColor('statusBarItem.errorBackground') },
};

/** A status bar item showing the server's state, visible while a call script is open. */
export function createStatusItem(): { item: vscode.LanguageStatusItem; show(state: ServerState): void } {
  const item = vscode.languages.createLanguageStatusItem('callscript.server', { language: 'callscript' });
  item.name = 'Callscript Language Server';
  item.command = { command: 'callscript.showOutput', title: 'Show Output' };
  return {
    item,
    show(state) {
      const look = LOOK[state];
      item.text = look.text;
      item.detail = look.tooltip;
      item.busy = state === 'starting';
      item.severity = state === 'stopped' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    },
  };
}
