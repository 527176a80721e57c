/**
 * How a CLI run ends. Exit codes: 0 nothing at or above the fail level, 1 findings,
 * 2 usage error, unreadable input or internal error. Commands raise the code as they go and
 * `main` returns the worst one; problems that do not stop the run are reported with `complain`.
 */
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/** Thrown by a command to stop at once with exit 2 and this one-line message (no stack trace). */
export class CliError extends Error {}

let worst = 0;

export function resetExitCode(): void {
  worst = 0;
}

export function raiseExitCode(code: number): void {
  worst = Math.max(worst, code);
}

export function exitCode(): number {
  return worst;
}

/** One line on stderr, `callscript: MESSAGE`; the run goes on and ends with exit 2. */
export function complain(message: string): void {
  process.stderr.write(`callscript: ${oneLine(message)}\n`);
  raiseExitCode(EXIT_FAILURE);
}

/** Messages on stderr stay on one line, whatever a file name or an error holds. */
export function oneLine(text: string): string {
  return text.trim().replace(/\s*[\r\n]+\s*/g, ' ');
}
