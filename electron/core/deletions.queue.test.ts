// The queue of cloud deletions is read from the profile file: parsed, not cast. An entry this version
// cannot read is not retried (it would throw mid-run) and is not lost either: it stays in the file.
import { expect, it } from 'vitest';
import { Deletions, type QueuedDeletion } from './deletions';
import type { KeyValueStore } from './profile-store';

/** A queue entry as this version writes it (typed, so it stays well-formed when the entry changes). */
const good: QueuedDeletion = {
  cloudPlatformId: 'p1',
  name: 'Amazon DE',
  clientId: 'c1',
  queuedAt: '2026-11-28T10:00:00Z',
  attempts: 2,
  nextAttemptAt: 0,
};

it('reads only well-formed queue entries and keeps the others in the file on every write', () => {
  const odd = [{ cloudPlatformId: 42 }, 'text', null, { ...good, attempts: -1 }];
  const data = new Map<string, unknown>([['pendingCloudDeletions', [good, ...odd]]]);
  const kv: KeyValueStore = { path: '(memory)', get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
  const deletions = new Deletions({ kv, changed: () => undefined } as unknown as ConstructorParameters<
    typeof Deletions
  >[0]);

  expect(deletions.queue()).toEqual([good]);
  deletions['saveQueue']([]);
  expect(data.get('pendingCloudDeletions')).toEqual(odd);
  expect(deletions.queue()).toEqual([]);
});
