// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Suspense, useState } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { lazyComponent } from './lazy-component';
import { forgetGermanRest, loadGermanRest } from '../i18n/translator';
import { deRest } from '../i18n/de.rest';

/** The rest of the German texts, as i18n fetches them: not there yet, arriving when `arrive` resolves. */
function germanRestArrives(arrive: Promise<unknown>) {
  forgetGermanRest();
  void loadGermanRest(() => arrive.then(() => deRest));
}

// Here at once, unless a case holds them back.
beforeEach(() => germanRestArrives(Promise.resolve()));

afterEach(() => cleanup());

function Counter({ label }: { label: string }) {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      {label} {n}
    </button>
  );
}

describe('lazyComponent', () => {
  it('renders after its chunk arrives, keeps its state when the load settles, and renders at once later', async () => {
    let arrive!: (c: typeof Counter) => void;
    let loads = 0;
    const Lazy = lazyComponent<{ label: string }>(() => {
      loads++;
      return new Promise((resolve) => (arrive = resolve));
    });
    const ui = (label: string) => (
      <Suspense fallback={<p>lädt</p>}>
        <Lazy label={label} />
      </Suspense>
    );
    const first = render(ui('Zähler'));
    expect(screen.getByText('lädt')).toBeTruthy();
    await act(async () => arrive(Counter));
    await act(async () => screen.getByRole('button').click());
    expect(screen.getByRole('button').textContent).toBe('Zähler 1');
    first.rerender(ui('Zähler!'));
    expect(screen.getByRole('button').textContent).toBe('Zähler! 1');
    first.unmount();
    // Loaded once: a new mount renders synchronously, no fallback, no second load.
    render(ui('Wieder'));
    expect(screen.getByRole('button').textContent).toBe('Wieder 0');
    expect(loads).toBe(1);
  });

  it('waits for the rest of the German texts too, so it never shows a key in place of a text', async () => {
    let release!: () => void;
    germanRestArrives(new Promise<void>((resolve) => (release = resolve)));
    const Lazy = lazyComponent<{ label: string }>(async () => Counter);
    render(
      <Suspense fallback={<p>lädt</p>}>
        <Lazy label="Text" />
      </Suspense>,
    );
    await act(async () => {});
    expect(screen.getByText('lädt')).toBeTruthy();
    await act(async () => release());
    expect(screen.getByRole('button').textContent).toBe('Text 0');
  });

  it('tries again after a failed load', async () => {
    let attempt = 0;
    const Lazy = lazyComponent<{ label: string }>(async () => {
      if (++attempt === 1) throw new Error('offline');
      return Counter;
    });
    await expect(Lazy.preload()).rejects.toThrow('offline');
    await Lazy.preload();
    render(<Lazy label="Da" />);
    expect(screen.getByRole('button').textContent).toBe('Da 0');
  });
});
