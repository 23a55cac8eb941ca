/**
 * What the command-line tools share: how they report wrong usage, an input they cannot use and an
 * unexpected failure, with the exit codes the guides in docs/ document (2 for usage, 1 for the rest).
 */
import { relative } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Prints the problem and the usage text; returns exit code 2. */
export function usageError(command: string, problem: string, usage: string): number {
  console.error(`${command}: ${problem}\n\n${usage}`);
  return 2;
}

/** Prints what is wrong with the input, and how to fix it; returns exit code 1. */
export function failure(command: string, message: string, hint?: string): number {
  console.error(`${command}: ${message}${hint ? `\n    hint: ${hint}` : ''}`);
  return 1;
}

type HelpOption = { help: { type: 'boolean' } };

/**
 * The `--name` options of a command that takes no other arguments. `--help` prints the usage and
 * exits 0; an unknown or malformed option prints the problem and the usage and exits 2.
 */
export function optionsOrExit<const O extends ParseArgsOptionsConfig>(usage: string, options: O): ReturnType<typeof parseArgs<{ options: O & HelpOption }>>['values'] {
  let values: ReturnType<typeof parseArgs<{ options: O & HelpOption }>>['values'];
  try {
    values = parseArgs<{ options: O & HelpOption }>({ options: { ...options, help: { type: 'boolean' } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if ((values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}

/** A path as the user would type it: relative to the working folder when inside it. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * Reads the options (a number means there is nothing to run: help was shown or the usage was
 * wrong) and runs the command. An error `explain` recognises is a problem with the input and is
 * printed with its hint; anything else is reported as unexpected, with its stack under DEBUG=1.
 */
export async function runCommand<O>(
  command: string,
  readOptions: (argv: string[]) => O | number,
  run: (options: O) => Promise<number>,
  explain: (error: unknown) => { message: string; hint?: string } | undefined = () => undefined,
): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (typeof options === 'number') {
    process.exitCode = options;
    return;
  }
  try {
    process.exitCode = await run(options);
  } catch (error) {
    const known = explain(error);
    if (known) {
      process.exitCode = failure(command, known.message, known.hint);
      return;
    }
    const e = error as Error;
    console.error(`${command}: unexpected error: ${e?.message ?? String(error)}`);
    console.error(process.env.DEBUG && e?.stack ? e.stack : 'Set DEBUG=1 to see where it happened.');
    process.exitCode = 1;
  }
}
