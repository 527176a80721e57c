import { Command, InvalidArgumentError, Option } from 'commander';
// findings.ts alone, not the core's index: `--help` and usage errors should not load the checker.
import { SEVERITIES, type Severity } from '../core/findings';
import { FORMATS, type FormatName } from './formatters';

export interface CheckOptions {
  format: FormatName;
  output?: string;
  failOn: Severity;
  maxWarnings?: number;
  quiet?: boolean;
  config?: string;
  stdinFilename?: string;
  color: boolean;
  debug?: boolean;
}

/** `callscript check [paths...]`: the checker for CI and the terminal. */
export function checkCommand(): Command {
  return new Command('check')
    .description('Check call scripts. Directories are searched for *.call.yaml and *.call.yml; a file named explicitly is checked whatever its extension.')
    .argument('[paths...]', 'files and directories to check ("-" reads stdin)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the check fail (exit 1)').choices(SEVERITIES).default('error'))
    .option('--max-warnings <n>', 'also fail when there are more than N warnings', count)
    .option('-q, --quiet', 'report errors only (the exit code still counts everything)')
    .option('-c, --config <file>', 'configuration file (default: the nearest callscript.config.yaml above each script)')
    .option('--stdin-filename <name>', 'read one script from stdin and report it under this name')
    .addHelpText('after', '\nExit codes: 0 no findings at or above --fail-on, 1 findings (or too many warnings),\n2 usage error, unreadable file or bad configuration (the other files are still checked).')
    .action(async function (this: Command, paths: string[]) {
      const { runCheck } = await import('./check');
      await runCheck(paths, this.optsWithGlobals<CheckOptions>());
    });
}

function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return Number(value);
}
