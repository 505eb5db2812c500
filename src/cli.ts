import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { DomainError } from './common/domain-error';
import { CliError, defaultIo, type CliIo, type CommandGroup, type GlobalOpts } from './cli/cli-support';
import { beneficiariesCommands } from './cli/beneficiaries.commands';
import { checkCommands } from './cli/check.commands';
import { draftingCommands } from './cli/drafting.commands';
import { figuresCommands } from './cli/figures.commands';
import { issuingCommands } from './cli/issuing.commands';
import { lintCommands } from './cli/lint.commands';
import { registryCommands } from './cli/registry.commands';
import { signingCommands } from './cli/signing.commands';

export { CliError, type CliIo } from './cli/cli-support';

/** Every command group; a feature adds its own file under src/cli/ and one line here. */
const COMMAND_GROUPS: CommandGroup[] = [registryCommands, figuresCommands, issuingCommands, signingCommands, checkCommands, lintCommands, draftingCommands, beneficiariesCommands];

export function buildProgram(io: CliIo): Command {
  const program = new Command('vanthu')
    .description('Records and documents for commune administrations (ND30)')
    .option('--data <dir>', 'data folder (default ./data or $VANTHU_DATA)')
    .option('--records <dir>', 'import a records folder first')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  const globals = (): GlobalOpts => program.opts<GlobalOpts>();
  for (const group of COMMAND_GROUPS) group(program, io, globals);
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit itself). */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      io.err(`vanthu: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof DomainError) {
      io.err(`vanthu: ${e.message}`);
      for (const d of e.details) io.err(`  ${d.path}: ${d.message}`);
      return e.kind === 'not_found' || e.kind === 'validation' || e.kind === 'unprocessable' ? 2 : 1;
    }
    io.err(`vanthu: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
