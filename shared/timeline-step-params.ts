// The steps the core writes to the Protokoll: one id per step and its typed params (texts:
// timeline-step-texts.ts, reading and writing them: timeline-step-ids.ts).
export type Mode = 'login' | 'refresh';
export type Ended = 'failed' | 'expired' | 'cancelled';

export interface TimelineStepParams {
  signInRequested: { mode: Mode };
  signInRequestedAgain: { mode: Mode };
  platformRegistered: void;
  registrationReplayed: void;
  platformMissingInCloud: void;
  countryChanged: void;
  adoptedFromCloud: void;
  replayImported: void;
  regionChanged: void;
  endedAfterReport: void;
  sandboxScenarioApplied: void;
  sandboxScenarioCleared: void;
  authorizationCreated: void;
  browserOpened: void;
  browserNotOpened: void;
  signInNotStarted: void;
  waitingResumed: void;
  cloudUnreachable: void;
  cloudReachable: void;
  sellerCentralErrorReported: void;
  authenticated: void;
  signInEnded: { status: Ended };
  cancelledByUser: void;
  cloudCancelFailed: void;
  timedOut: void;
  waitingStopped: void;
  gaveUp: void;
  renamedInCloud: void;
  renamedByUpgrade: void;
  disconnected: void;
  autoImportUnfinished: void;
  autoImportSkippedForSandbox: void;
  autoImportStarted: void;
  amazonStartedInactive: void;
  renameNoticeAcknowledged: void;
  settingsImported: void;
  settingsImportFailed: void;
  sellerChanged: void;
  sellerSwitched: void;
  sellerKept: void;
  manageYourAppsOpened: void;
  pairingCodeShown: void;
  renewalReminderShown: void;
  amazonStartedWhileWaiting: void;
  amazonStarted: void;
  /** A call the cloud made to Amazon: "Login with Amazon token", "SP-API getMarketplaceParticipations". */
  amazonRequest: { call: string };
  /** A sign-in started on Amazon's side that ended before this desktop saw it pending. */
  amazonStartedEnded: { status: string };
}

export type TimelineStepId = keyof TimelineStepParams;

/** A step as the core writes it: `{ id }`, or `{ id, params }` when the step has params. */
export type TimelineStep = {
  [K in TimelineStepId]: TimelineStepParams[K] extends void ? { id: K } : { id: K; params: TimelineStepParams[K] };
}[TimelineStepId];
