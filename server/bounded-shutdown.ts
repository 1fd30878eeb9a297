/** What a shutdown needs from the process; injected so tests use fakes. */
export interface ShutdownDeps {
  /** Everything the process must close, in order (HTTP server, worker, database). */
  close(): Promise<void>;
  /** Past this, the process exits anyway: a stuck close must not leave it alive without a listener. */
  timeoutMs: number;
  logger: { info(msg: string): void; error(obj: object, msg: string): void };
  exit(code: number): void;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * Runs `close` and exits 0, or exits 1 with a log line when it fails or takes longer than
 * `timeoutMs`. Returns a handler for SIGTERM/SIGINT: a second signal exits at once.
 */
export function boundedShutdown(deps: ShutdownDeps): (signal: string) => void {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  let started = false;
  let exited = false;
  const exit = (code: number) => {
    if (exited) return;
    exited = true;
    deps.exit(code);
  };
  return (signal) => {
    if (started) {
      deps.logger.error({ signal }, 'second signal during shutdown: exiting now');
      return exit(1);
    }
    started = true;
    deps.logger.info(`shutting down (${signal})`);
    setTimer(() => {
      deps.logger.error({ timeoutMs: deps.timeoutMs }, `shutdown did not finish within ${deps.timeoutMs / 1000} s: forcing exit`);
      exit(1);
    }, deps.timeoutMs);
    deps.close().then(
      () => exit(0),
      (err: unknown) => {
        deps.logger.error({ err }, 'shutdown failed: exiting');
        exit(1);
      },
    );
  };
}
