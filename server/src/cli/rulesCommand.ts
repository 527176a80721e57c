import { Command } from 'commander';

/** `callscript rules`: every rule with its default severity and summary. */
export function rulesCommand(): Command {
  return new Command('rules')
    .description('List every rule: id, default severity and summary (each has a page at docs/rules/<id>.md).')
    .option('--json', 'print the list as JSON')
    .action(async function (this: Command) {
      const { ALL_RULES } = await import('../core');
      const rules = ALL_RULES.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, summary: r.summary, docs: `docs/rules/${r.id}.md` }));
      if (this.opts<{ json?: boolean }>().json) {
        process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
        return;
      }
      const idWidth = Math.max(...rules.map((r) => r.id.length));
      const lines = rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.defaultSeverity.padEnd(7)}  ${r.summary}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
