// Progress of long steps, reported through a callback: the core never prints.

export interface ProgressEvent {
  /** Stable step name, e.g. "blocking", "comparing", "training", "scoring". */
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** A listener for one step, or a no-op when nobody listens. */
export function stepProgress(
  listener: ProgressListener | undefined,
  step: string,
): ((done: number, total: number) => void) | undefined {
  return listener === undefined ? undefined : (done, total) => listener({ step, done, total });
}
