// *Aktiv* (issue 24, item 9), as the ERP means it: an inactive platform is not used. It keeps its profile
// and its connection, but the core starts no sign-in and no import for it and does not follow a sign-in
// started in Seller Central for it (amazon-started.ts), reminds of no renewal (renewal.ts); the list
// shows it greyed.
import type { Platform } from '../../shared/platform';
import { CodedError } from '../../shared/result';

export function assertActive(p: Platform): void {
  if (!p.active) throw new CodedError('PLATFORM_INACTIVE', `platform ${p.id} is not active`);
}
