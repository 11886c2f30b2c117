/** What the progress line shows: files and bytes done out of all, and the seconds since the start. */
export interface ProgressState {
  readonly files: number;
  readonly totalFiles: number;
  readonly bytes: number;
  readonly totalBytes: number;
  readonly seconds: number;
}

const MB = 1024 * 1024;

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min ${Math.round(seconds % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "1,234/20,000 files  45.6/135.0 MB  23.1 MB/s  4 s left" (no rate or time left until there is something to go by). */
export function progressLine(s: ProgressState): string {
  const files = `${s.files.toLocaleString('en')}/${s.totalFiles.toLocaleString('en')} files`;
  const mb = `${(s.bytes / MB).toFixed(1)}/${(s.totalBytes / MB).toFixed(1)} MB`;
  if (s.seconds <= 0 || s.bytes === 0) return `${files}  ${mb}`;
  const rate = s.bytes / MB / s.seconds;
  const left = s.totalBytes > s.bytes ? `  ${duration((s.totalBytes - s.bytes) / MB / rate)} left` : '';
  return `${files}  ${mb}  ${rate.toFixed(1)} MB/s${left}`;
}

/**
 * The progress line on a terminal's stderr, rewritten in place at most every `intervalMs`; `finish` erases it, so
 * what stays on the screen is the output and the error lines. Error lines go through `note`, above the line.
 */
export class TerminalProgress {
  private files = 0;
  private bytes = 0;
  private last = 0;
  private shown = false;
  private readonly started = Date.now();

  constructor(
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    private readonly write: (chunk: string) => void,
    private readonly intervalMs = 100,
  ) {}

  advance(bytes: number): void {
    this.files++;
    this.bytes += bytes;
    const now = Date.now();
    if (now - this.last < this.intervalMs && this.files < this.totalFiles) return;
    this.last = now;
    this.write(`\r\u001b[2K${progressLine(this.state(now))}`);
    this.shown = true;
  }

  /** Writes a line (an error) above the progress line. */
  note(line: string): void {
    this.clear();
    this.write(`${line}\n`);
  }

  finish(): void {
    this.clear();
  }

  private clear(): void {
    if (this.shown) this.write('\r\u001b[2K');
    this.shown = false;
    this.last = 0;
  }

  private state(now: number): ProgressState {
    return { files: this.files, totalFiles: this.totalFiles, bytes: this.bytes, totalBytes: this.totalBytes, seconds: (now - this.started) / 1000 };
  }
}
