// @vitest-environment jsdom
import { afterEach, expect, it, vi } from 'vitest';
import { showWebNotification } from './platforms';

const shown: Array<{ title: string; body?: string }> = [];
class FakeNotification {
  static permission: NotificationPermission = 'granted';
  constructor(title: string, opts?: NotificationOptions) {
    shown.push({ title, ...(opts?.body ? { body: opts.body } : {}) });
  }
}

afterEach(() => {
  shown.length = 0;
  vi.unstubAllGlobals();
});

it('shows a web notification only when the page has no focus and permission was granted', () => {
  vi.stubGlobal('Notification', FakeNotification);
  const doc = { hasFocus: () => false } as Document;
  expect(showWebNotification('Amazon-Anmeldung abgeschlossen', 'Amazon 1: authentifiziert', doc)).toBe(true);
  expect(shown).toEqual([{ title: 'Amazon-Anmeldung abgeschlossen', body: 'Amazon 1: authentifiziert' }]);
  expect(showWebNotification('x', 'y', { hasFocus: () => true } as Document)).toBe(false);
  FakeNotification.permission = 'denied';
  expect(showWebNotification('x', 'y', doc)).toBe(false);
  expect(shown).toHaveLength(1);
});
