/** The parts of a job that are objects of their own: its flavor, and the rules of its schedule. */

/** A job's flavor (machine type). */
export interface JobFlavor {
  readonly code: string;
}

/** One rule of a job's schedule, as the API reports it. */
export interface JobSchedule {
  /** The rule, e.g. `"stop"`. */
  readonly type?: string;
  /** The unit of `duration`, e.g. `"HOURS"` (the API spells the field `timeUnit` or `time_unit`). */
  readonly timeUnit?: string;
  readonly duration?: number;
}
