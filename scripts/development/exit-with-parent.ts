/**
 * Preloaded (`node --require`) into each service that `npm start -- --processes` runs
 * (scripts/development/processes.ts), never into a deployed one. The service's standard
 * input is a pipe that only its launcher holds, and nothing is ever written to it: when
 * it closes, the launcher is gone (even by SIGKILL, which no handler sees), so the service
 * stops as on SIGTERM, and for good after 5 s. The embedded database stops the same way
 * (FerretDB's `-exit-with-stdin`), so a killed `npm start` leaves nothing running.
 */
export {}; // a module, not a global script

const stdin = process.stdin;
stdin.on('data', () => {}); // reading is what notices the end
stdin.once('end', launcherGone);
stdin.once('error', launcherGone);

function launcherGone() {
  setTimeout(() => process.exit(1), 5_000).unref();
  process.kill(process.pid, 'SIGTERM'); // the service's own graceful stop (platform/http.ts runService)
}
