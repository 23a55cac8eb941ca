import { readBuildEnvironment } from '../src/lib/build-config.ts';
import { formatDiagnosticsText, hasErrors, summarize } from '../src/lib/diagnostics.ts';
import { buildSiteFromDisk } from '../src/lib/site-build.ts';

const env = readBuildEnvironment();
const result = await buildSiteFromDisk(env.contentRoot, env);
const diagnostics = result.ok ? result.build.diagnostics : result.diagnostics;
if (diagnostics.length) console.log(formatDiagnosticsText(diagnostics));
if (result.ok) console.log(`${result.build.routes.length} pages; ${summarize(diagnostics)}`);
else console.log(summarize(diagnostics));
process.exitCode = hasErrors(diagnostics) ? 1 : 0;
