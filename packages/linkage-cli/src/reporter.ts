// All presentation of progress, warnings and messages: human (bars on interactive stderr), JSON lines, or quiet.
import cliProgress from "cli-progress";
import type { CliIo } from "./io.js";

export type ReporterMode = "human" | "json" | "quiet";

export interface ProgressUpdate {
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

export interface ReportedWarning {
  readonly code: string;
  readonly message: string;
}

/** Minimum time between two JSON progress lines for the same step. */
const JSON_PROGRESS_INTERVAL_MS = 1000;

export class Reporter {
  private bar: cliProgress.SingleBar | undefined;
  private barStep: string | undefined;
  private lastJsonProgress = new Map<string, number>();

  constructor(
    private readonly io: CliIo,
    readonly mode: ReporterMode,
  ) {}

  /** A step's progress: a bar with the time left on an interactive terminal, a JSON line in JSON mode. */
  progress(update: ProgressUpdate): void {
    if (this.mode === "json") {
      const now = Date.now();
      const last = this.lastJsonProgress.get(update.step) ?? 0;
      if (now - last >= JSON_PROGRESS_INTERVAL_MS || update.done >= update.total) {
        this.lastJsonProgress.set(update.step, now);
        this.json({ event: "progress", ...update });
      }
      return;
    }
    if (this.mode !== "human" || !this.io.interactive || update.total <= 0) return;
    if (this.barStep !== update.step) {
      this.endProgress();
      this.bar = new cliProgress.SingleBar(
        {
          format: `${update.step.padEnd(22)} {bar} {percentage}% | {value}/{total} | ETA {eta_formatted}`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(update.total, update.done);
      this.barStep = update.step;
    } else {
      this.bar?.setTotal(update.total);
      this.bar?.update(update.done);
    }
    if (update.done >= update.total) this.endProgress();
  }

  endProgress(): void {
    this.bar?.stop();
    this.bar = undefined;
    this.barStep = undefined;
  }

  /** A line for people, on stderr (stdout is kept for results). */
  info(message: string): void {
    this.endProgress();
    if (this.mode === "human") this.io.stderr(`${message}\n`);
    else if (this.mode === "json") this.json({ event: "info", message });
  }

  warn(warning: ReportedWarning): void {
    this.endProgress();
    if (this.mode === "human") this.io.stderr(`warning ${warning.code}: ${warning.message}\n`);
    else if (this.mode === "json") this.json({ event: "warning", ...warning });
  }

  /** A failure the user can fix: always shown, even in quiet mode. */
  error(code: string, message: string): void {
    this.endProgress();
    if (this.mode === "json") this.json({ event: "error", code, message });
    else this.io.stderr(`error ${code}: ${message}\n`);
  }

  /** The command's main result on stdout: readable text, or one JSON document in JSON mode. */
  result(text: string, data: unknown): void {
    this.endProgress();
    if (this.mode === "json") this.io.stdout(`${JSON.stringify({ event: "result", data })}\n`);
    else if (this.mode === "human") this.io.stdout(text.endsWith("\n") ? text : `${text}\n`);
  }

  private json(value: Record<string, unknown>): void {
    this.io.stderr(`${JSON.stringify(value)}\n`);
  }
}
