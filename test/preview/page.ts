import { existsSync, mkdirSync } from 'fs';
import { resolve } from 'path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/html';
import type { HostMessage } from '../../client/src/preview/protocol';

export const ROOT = resolve(__dirname, '../../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = resolve(ROOT, 'test-output/preview');
/** Where the page pretends to come from (a webview's cspSource is an https origin too). */
const ORIGIN = 'https://webview.test';

/** The webview bundle, built as for dist/webview/main.js. */
export async function bundleWebview(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(ROOT, 'client/webview/main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    tsconfig: resolve(ROOT, 'client/webview/tsconfig.json'),
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

export async function launch(): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PreviewPage {
  page: Page;
  /** messages the webview posted to the (stub) extension */
  posted(): Promise<{ type: string; [k: string]: unknown }[]>;
  /** CSP violations the page reported */
  violations(): Promise<string[]>;
  send(message: HostMessage): Promise<void>;
  dialogs: string[];
}

/**
 * Opens the real preview page (same HTML and CSP as the extension's) with a stub
 * `acquireVsCodeApi` that records what the webview posts.
 */
export async function openPreview(browser: Browser, script: string, options: { width?: number; height?: number; theme?: Record<string, string>; bodyClass?: string } = {}): Promise<PreviewPage> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1100, height: options.height ?? 800 } });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(`
    window.__posted = [];
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    let state;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => state,
      setState: (s) => { state = s; },
    });
  `);
  const html = previewHtml({ cspSource: ORIGIN, nonce: 'dGVzdC1ub25jZS0xMjM0NTY3OA==', scriptUri: `${ORIGIN}/main.js`, title: 'Flow: test.call.yaml' });
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/index.html`) return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    if (url === `${ORIGIN}/main.js`) return route.fulfill({ status: 200, contentType: 'text/javascript', body: script });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/index.html`);
  if (options.theme || options.bodyClass) {
    // What VS Code does: theme colours as variables on <html>, the theme kind as a body class.
    await page.evaluate(`(() => {
      const vars = ${JSON.stringify(options.theme ?? {})};
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
      document.body.classList.add(${JSON.stringify(options.bodyClass ?? 'vscode-light')});
    })()`);
  }
  await until(page, 'window.__posted.some((m) => m.type === "ready")');
  return {
    page,
    dialogs,
    posted: () => page.evaluate('window.__posted') as Promise<{ type: string; [k: string]: unknown }[]>,
    violations: () => page.evaluate('window.__violations') as Promise<string[]>,
    send: async (message) => {
      await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
    },
  };
}

/**
 * Waits until `expression` is true in the page. Not page.waitForFunction: its polling evaluates
 * strings inside the page, which the preview's CSP (rightly) refuses once it has to poll.
 * page.evaluate goes through the DevTools protocol, which the CSP does not govern.
 */
export async function until(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  return resolve(SHOTS, name);
}

/** A dark theme's colours, as VS Code's Dark Modern sets them. */
export const DARK_THEME: Record<string, string> = {
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-editorLineNumber-foreground': '#6e7681',
  '--vscode-textLink-foreground': '#4daafc',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-editorError-foreground': '#f85149',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-input-background': '#313131',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-input-border': '#3c3c3c',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-button-secondaryHoverBackground': '#3c3c3c',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-inputValidation-errorBorder': '#be1100',
  '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
};
