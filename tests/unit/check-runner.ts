/**
 * `npm run check`, run many times in one Node process for the bad-input corpus: loading the
 * check's modules costs about ten times what checking a small content tree does, and the corpus
 * runs the check about a hundred times.
 *
 * Each line on stdin is one run, `{"args": [...], "env": {...}}`. The run executes scripts/check.ts
 * afresh (a new instance of that module; the libraries it imports stay loaded) with process.argv,
 * process.env and the exit code as the command would have them, writing to this process's own
 * stdout and stderr. Then the end marker (argv[2]) follows on both streams, on stdout with the
 * exit code. A check that calls process.exit ends this process as it ends the command.
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const END = process.argv[2];
if (!END) throw new Error('usage: node tests/unit/check-runner.ts <end marker>');
const CHECK = join(import.meta.dirname, '..', '..', 'scripts', 'check.ts');
let runs = 0;

for await (const line of createInterface({ input: process.stdin })) {
  const { args, env } = JSON.parse(line) as { args: string[]; env: Record<string, string> };
  process.argv = [process.execPath, CHECK, ...args];
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
  process.exitCode = undefined;
  let status: number;
  try {
    await import(`${pathToFileURL(CHECK).href}?run=${++runs}`);
    status = Number(process.exitCode ?? 0);
  } catch (error) {
    // As Node reports an uncaught error: the error with its stack on stderr, exit code 1.
    console.error(error);
    status = 1;
  }
  process.exitCode = undefined;
  process.stderr.write(`${END}\n`);
  process.stdout.write(`${END}${status}\n`);
}
