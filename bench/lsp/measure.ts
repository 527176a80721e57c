import type { Position } from 'vscode-languageserver-protocol';
import type { TestClient } from '../../test/server/client';
import type { ServerUnderTest } from './servers';
import { round, summarize, timed, type Summary } from './stats';

export interface Measurement {
  openToDiagnosticsMs: number;
  editToDiagnostics: Summary;
  hover: Summary;
  completion: Summary;
  peakRssMb: number | undefined;
}

/** Positions in a generated script: a step's `ask` line near the middle, and its first question's first letter. */
export function probePositions(text: string): { askLine: number; letter: number } {
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line < lines.length && !/^ {4}ask: /.test(lines[line])) line++;
  return { askLine: line, letter: lines[line]?.indexOf('Question') ?? -1 };
}

/** The diagnostics that answer a change: by version, or the next publication for servers without versions. */
function nextDiagnostics(client: TestClient, server: ServerUnderTest, uri: string, version: number): Promise<unknown> {
  if (server.versioned) return client.diagnostics(uri, version, 600_000);
  client.forget(uri);
  return client.waitForPublish(uri, () => true, 600_000);
}

/**
 * Opens a script, then measures: time to its first diagnostics; typing one character in a
 * text `edits` times, each until its diagnostics; hover on a step key and completion of step
 * keys (`requests` times each, after the last diagnostics); and the server's peak memory.
 */
export async function measure(server: ServerUnderTest, client: TestClient, uri: string, text: string, edits: number, requests: number): Promise<Measurement> {
  const { askLine, letter } = probePositions(text);
  if (letter < 0) throw new Error('no question to edit in the generated script');
  client.forget(uri);
  const openToDiagnosticsMs = await timed(async () => {
    await client.open(uri, text, server.languageId);
    await nextDiagnostics(client, server, uri, 1);
  });

  const editTimes: number[] = [];
  for (let i = 0; i < edits; i++) {
    // Replace the first letter of the question ("Question" ↔ "question"): the script stays valid.
    const at: Position = { line: askLine, character: letter };
    const replacement = i % 2 === 0 ? 'q' : 'Q';
    editTimes.push(
      await timed(async () => {
        const version = await client.edit(uri, { start: at, end: { line: at.line, character: at.character + 1 } }, replacement);
        await nextDiagnostics(client, server, uri, version);
      }),
    );
  }

  const hoverTimes: number[] = [];
  const completionTimes: number[] = [];
  for (let i = 0; i < requests; i++) {
    hoverTimes.push(await timed(() => client.hover(uri, { line: askLine, character: 5 })));
    completionTimes.push(await timed(() => client.completion(uri, { line: askLine, character: 4 })));
  }
  return {
    openToDiagnosticsMs: round(openToDiagnosticsMs),
    editToDiagnostics: summarize(editTimes),
    hover: summarize(hoverTimes),
    completion: summarize(completionTimes),
    peakRssMb: client.peakRssMb(),
  };
}
