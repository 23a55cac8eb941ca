import { EnvironmentError, readBuildEnvironment, type BuildEnvironment } from '../src/lib/build-config.ts';

/** The build environment for a command-line script: a bad setting is a one-line message and exit code 2, not a stack trace. */
export function buildEnvironmentOrExit(): BuildEnvironment {
  try {
    return readBuildEnvironment();
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
