import { Command, CommanderError } from 'commander';
import { checkCommand } from './checkCommand';
import { CliError, complain, EXIT_FAILURE, exitCode, oneLine, resetExitCode } from './exit';
import { rulesCommand } from './rulesCommand';
import { graphCommand } from './graphCommand';
import { packageVersion } from './version';

/**
 * The `callscript` program. A subcommand is a module exporting a factory that returns a
 * commander `Command`; add it here with one `program.addCommand(...)` line. Its action reports
 * through ./exit (raiseExitCode, complain, CliError) and reads global options with
 * `optsWithGlobals()`; main gives every subcommand the program's error handling.
 */
export function buildProgram(): Command {
  const program = new Command('callscript')
    .description('Checks call-center call scripts (*.call.yaml).')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--no-color', 'never colour the output')
    .option('--debug', 'print stack traces and timings')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`callscript: ${oneLine(text.replace(/^error: /, ''))}\n`) })
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError();

  program.addCommand(checkCommand());
  program.addCommand(rulesCommand());
  program.addCommand(graphCommand());

  for (const command of program.commands) command.copyInheritedSettings(program);
  return program;
}

/** Runs the CLI on `process.argv`-shaped arguments and returns the exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  resetExitCode();
  if (argv.length <= 2) {
    complain('no command given; run `callscript --help` for usage');
    return EXIT_FAILURE;
  }
  try {
    await buildProgram().parseAsync([...argv]);
    return exitCode();
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : EXIT_FAILURE;
    if (e instanceof CliError) {
      complain(e.message);
      return EXIT_FAILURE;
    }
    complain(`internal error: ${(e as Error)?.message ?? String(e)}`);
    if (argv.includes('--debug')) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return EXIT_FAILURE;
  }
}
