// A component that is not on the first screen: its module is a chunk of its own, fetched the first time
// it is needed (or earlier, by `preload`, once the first screen is up), together with the German texts
// of every screen but the first (i18n/de.rest.ts), so it never shows a key in place of a text. After that
// it renders like a static import, without a Suspense round.
import { createElement, lazy, useState, type ComponentType } from 'react';
import { loadGermanRest } from '../i18n';

type LazyComponent<P> = ComponentType<P> & { preload(): Promise<unknown> };

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= Promise.all([load(), loadGermanRest()]).then(
      ([c]) => (loaded = c),
      (err: unknown) => {
        pending = undefined; // a later attempt may succeed (e.g. after a failed fetch)
        throw err;
      },
    ));
  const Lazy = lazy(async () => ({ default: await preload() }));
  const Component = (props: P) => {
    // Chosen once per mount: switching from Lazy to the loaded type would remount and lose state.
    const [type] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(type, props);
  };
  return Object.assign(Component, { preload });
}
