/**
 * How the VS Code extension starts the language server (and bench/lsp.ts, to measure what users
 * get). Both settings lower the server's peak memory on a 10,000-step script at no cost in speed
 * measured (bench/lsp.ts, 2026-12):
 * - a young generation of 4 MB per semi-space instead of V8's 16 (about 20 MB less): what survives
 *   an analysis is the syntax tree and the model, which live long anyway;
 * - one glibc malloc arena instead of one per thread (about 14 MB less): V8's background threads
 *   (compiler, marker) each filled an arena of their own, which kept its pages after use.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];

/** Environment variables for the server process, added to the editor's own. */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };
