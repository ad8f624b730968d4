#!/usr/bin/env node
// The CLI runs the same TypeScript sources as the editor; tsx compiles them on load.
try {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('../src/cli/process-io.ts');
  await runCli(process.argv.slice(2));
} catch (error) {
  // Only a broken install gets here (tsx or the sources missing): one line, exit 2.
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `gtm-blueprint: cannot start: ${reason.split('\n')[0].replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}\n`,
  );
  process.exitCode = 2;
}
