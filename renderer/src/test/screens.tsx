// The component tests' usual screens, each set up the one way: the app against the fake core, the list on
// its own, and ZUGANGSDATEN of one platform that follows the store (as the detail form does).
import { waitFor } from '@testing-library/react';
import { expect, vi } from 'vitest';
import type { ComponentProps } from 'react';
import type { Platform } from '../../../shared/platform';
import { setApi } from '../api';
import { CredentialsTab } from '../features/credentials/CredentialsTab';
import { PlatformList } from '../features/platform-list/PlatformList';
import { App, preloadRest } from '../features/shell/App';
import { usePlatforms } from '../store/platforms';
import { fakeApi } from './fake-api';
import { wrap } from './render';

type Lng = 'de' | 'en';

/**
 * The whole app against a fake core, as it is once the list is shown: the other screens' chunks and texts
 * fetched (so dialogs open synchronously) and the first answers in the store.
 */
export async function startApp(...args: Parameters<typeof fakeApi>) {
  await preloadRest();
  const fake = fakeApi(...args);
  setApi(fake.api);
  wrap(<App />);
  await waitFor(() => expect(usePlatforms.getState().loaded).toBe(true));
  return fake;
}

/** The list alone; every handler a vi.fn unless given. */
export function renderPlatformList(
  platforms: Platform[],
  props: Partial<ComponentProps<typeof PlatformList>> = {},
  lng: Lng = 'de',
) {
  const handlers = { onSelect: vi.fn(), onOpen: vi.fn(), onDelete: vi.fn(), onNew: vi.fn() };
  wrap(<PlatformList platforms={platforms} selectedId={null} {...handlers} {...props} />, lng);
  return handlers;
}

function FirstPlatformCredentials({ sandbox }: { sandbox: boolean }) {
  const p = usePlatforms((s) => s.platforms[0]);
  return p ? <CredentialsTab platform={p} sandbox={sandbox} /> : null;
}

interface CredentialsOptions {
  sandbox?: boolean;
  lng?: Lng;
  /** More platforms in the list, after the one shown. */
  others?: Platform[];
  /** Sets the fake core's answers before the first render. */
  prepare?: (api: ReturnType<typeof fakeApi>['api']) => void;
}

/** One platform in the store and the fake core, on its ZUGANGSDATEN tab, re-rendered as the store changes. */
export function renderCredentialsTab(p: Platform, options: CredentialsOptions = {}) {
  const { sandbox = false, lng = 'de', others = [], prepare } = options;
  const fake = fakeApi([p, ...others]);
  prepare?.(fake.api);
  setApi(fake.api);
  usePlatforms.setState({ platforms: [p, ...others], loaded: true });
  wrap(<FirstPlatformCredentials sandbox={sandbox} />, lng);
  return fake;
}
