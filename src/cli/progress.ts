/**
 * A progress bar on standard error for long work, shown only on a terminal (pipes and CI logs stay clean).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number | undefined, label: string): void;
  stop(): void;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{label} [{bar}] {percentage}% | {value}/{total}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label) {
      if (!started) { bar.start(total ?? done, done, { label }); started = true; }
      if (total !== undefined) bar.setTotal(total);
      bar.update(done, { label });
    },
    stop() { if (started) bar.stop(); },
  };
}

/** Progress as plain lines on standard error (`--progress-lines`): for logs, and for scripts that wait for a point of the work. */
export function lineProgress(stream: NodeJS.WritableStream = process.stderr): Progress {
  return {
    update: (done, total, label) => { stream.write(`${label}: ${done}${total === undefined ? '' : `/${total}`}\n`); },
    stop: () => undefined,
  };
}
