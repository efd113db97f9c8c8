// What a chaos run (chaos.ts) is asked to do and what it found.

export interface ChaosOptions {
  flows: number;
  /** Flows running at once. */
  concurrency: number;
  desktops: number;
  /** How many of each fault, spread over the run. */
  faults: {
    cloudKills: number;
    cloudStops?: number;
    lwa5xx: number;
    lwaSlow: number;
    drops: number;
    lostCreates: number;
    desktopRestarts: number;
  };
  /** A flow that has not ended this long after the seller's consent counts as stuck. */
  flowDeadlineMs?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface ChaosResult {
  flows: number;
  authenticated: number;
  clearError: number;
  stuck: number;
  lost: number;
  mixedUp: number;
  orphans: number;
  /** Error codes of the flows that ended in a clear error, with counts. */
  errors: Record<string, number>;
  faults: Record<string, number>;
  /** ANMELDEN clicks in all (a merchant clicks again after a clear error). */
  attempts: number;
  durationMs: number;
  problems: string[];
}
