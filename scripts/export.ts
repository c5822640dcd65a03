// `npm run export -- --sample --out FILE.pdf`
// `npm run export -- --db PATH --pack NAME --out FILE.pdf [--paper a4|letter] [--copy-for NAME]`
// Exports a briefing pack to PDF with Chromium. The store is opened read-only
// and never changed; anything but a current Sherpa store is refused. Progress
// goes to stderr; any error ends with a one-line reason and a non-zero exit
// code; Ctrl+C removes the partial file and exits with 130.
// Every line is in English or Korean, as LC_ALL, LC_MESSAGES or LANG (or --language en|ko) asks (cliLanguage.ts).
import module from 'node:module';

// Node keeps the code it compiles (and the types it strips) on disk, under the system's temp folder, checked
// against each source, and reuses it at the next run: without it each run stripped and compiled the whole export
// pipeline again, 0.64 s of CPU of a refusal's 0.65 (0.28 s with it). As e2e/harness/serve.ts does, enabled before
// the rest is imported, so that it covers it.
module.enableCompileCache?.();
const { runExportCli } = await import('./exportCli.ts');

// React's development build checks every element and renders several times slower;
// the app's bundle is built for production, and so is this tool's rendering.
process.env.NODE_ENV ??= 'production';

// Ctrl+C cancels the export cleanly: Chromium is closed and no file is left behind (exit code 130).
const cancel = new AbortController();
// Every press means the same: a second Ctrl+C while cleaning up must not kill the process mid-cleanup.
process.on('SIGINT', () => cancel.abort());
process.on('SIGTERM', () => cancel.abort());

// A reader that goes away (`| head -1`, a closed terminal) must not kill the export half-way,
// leaving a partial PDF and a scratch store behind: the progress is chatter, the PDF is the product.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

process.exitCode = await runExportCli(
  process.argv.slice(2),
  {
    progress: (line) => process.stderr.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
    result: (line) => process.stdout.write(`${line}\n`),
  },
  cancel.signal,
);
