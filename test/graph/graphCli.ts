/**
 * `callscript graph ...` in a process, as `server/src/cli/main.ts` runs its commands, for the CLI
 * tests (main gets the graph command from the lead; until then this adds it to main's program).
 */
import { CommanderError } from 'commander';
import { CliError, complain, exitCode, resetExitCode } from '../../server/src/cli/exit';
import { graphCommand } from '../../server/src/cli/graphCommand';
import { buildProgram } from '../../server/src/cli/main';

async function run(argv: string[]): Promise<number> {
  resetExitCode();
  const program = buildProgram();
  if (!program.commands.some((c) => c.name() === 'graph')) program.addCommand(graphCommand().copyInheritedSettings(program));
  try {
    await program.parseAsync(argv);
    return exitCode();
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' ? 0 : 2;
    complain(e instanceof CliError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`);
    return 2;
  }
}

void run(process.argv).then((code) => {
  process.exitCode = code;
});
