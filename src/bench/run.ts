/**
 * `npm run bench` (after the build: node dist/bench/run.js [--quick] [--json] …): prints one table
 * of every benchmark; see bench-runner.ts. Each case runs in a child process of this script.
 */
import { benchMain } from './bench-runner';

benchMain(process.argv.slice(2), __filename, {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  },
);
