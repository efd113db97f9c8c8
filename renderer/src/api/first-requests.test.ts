// @vitest-environment jsdom
// The first screen's state: boot.ts's early answer (window.__hostBoot; in Electron the same two requests
// over IPC) seeds the store before the first render, the store's first connect takes it over, and from
// then on the events rule — an answer asked for earlier is never put over an event (each event carries
// the whole state).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result';
import type { FirstState } from '../../../shared/ws-protocol';
import { appInfo, fakeApi, platform } from '../test/fake-api';
import { usePlatforms } from '../store/platforms';
import { resetStores } from '../test/render';
import { firstAnswers, setApi, takeFirstRequests } from '.';

const state = (name: string): FirstState => ({ list: ok([platform({ name })]), appInfo: ok(appInfo()) });
const names = () => usePlatforms.getState().platforms.map((p) => p.name);
const settle = () => new Promise((r) => setTimeout(r, 0));

function early(answer?: Promise<FirstState | undefined>) {
  window.__hostBoot = { token: 't', firstState: answer ?? Promise.resolve(undefined), keepToken: () => {} };
}

// The unit tier shares this module with earlier files: a first render there took the first requests
// (firstTaken) and kept its early answer; both go, as the store's state does, before each test.
beforeEach(() => {
  setApi(undefined);
  resetStores();
});
afterEach(() => {
  delete window.__hostBoot;
  delete window.api;
  setApi(undefined);
});

describe('the early answer before the first render', () => {
  it('is what the first render starts from', async () => {
    early(Promise.resolve(state('Früh')));
    usePlatforms.getState().startFrom(await firstAnswers(1000));
    expect(usePlatforms.getState()).toMatchObject({ loaded: true, appInfo: appInfo() });
    expect(names()).toEqual(['Früh']);
  });

  it('is not waited for longer than asked (the frame renders, the store fills it later)', async () => {
    early(new Promise(() => {}));
    expect(await firstAnswers(20)).toEqual({});
  });

  it('in Electron is the list and the app info asked over IPC, once, and the first connect takes it over', async () => {
    const { api } = fakeApi([platform({ name: 'Über IPC' })], appInfo({ host: 'electron', language: 'en' }));
    window.api = api;
    const answers = await firstAnswers(60_000);
    expect(answers.appInfo).toEqual(ok(appInfo({ host: 'electron', language: 'en' })));
    const stop = usePlatforms.getState().connect();
    await settle();
    expect(names()).toEqual(['Über IPC']);
    expect(api.listPlatforms).toHaveBeenCalledTimes(1);
    expect(api.getAppInfo).toHaveBeenCalledTimes(1);
    stop();
  });

  it('in Electron, when IPC fails, is nothing, and the first connect asks again', async () => {
    const { api } = fakeApi([platform({ name: 'Zweiter Versuch' })]);
    api.getAppInfo.mockRejectedValueOnce(new Error('no handler'));
    window.api = api;
    expect(await firstAnswers(60_000)).toEqual({});
    const stop = usePlatforms.getState().connect();
    await settle();
    expect(names()).toEqual(['Zweiter Versuch']);
    expect(api.getAppInfo).toHaveBeenCalledTimes(2);
    stop();
  });

  it('is nothing without a host (component tests)', async () => {
    expect(await firstAnswers(60_000)).toEqual({});
    expect(takeFirstRequests()).toBeUndefined();
  });

  it('is taken over once, by the first connect', () => {
    early(Promise.resolve(state('A')));
    expect(takeFirstRequests()).toBe(window.__hostBoot!.firstState);
    expect(takeFirstRequests()).toBeUndefined();
  });
});

describe("the store's first connect", () => {
  it('keeps the early answer and asks nothing more', async () => {
    const { api } = fakeApi();
    setApi(api);
    early(Promise.resolve(state('Früh')));
    const stop = usePlatforms.getState().connect();
    await settle();
    expect(names()).toEqual(['Früh']);
    expect(api.listPlatforms).not.toHaveBeenCalled();
    stop();
  });

  it('puts an early answer that comes late not over an event the socket brought first', async () => {
    const { api, emit } = fakeApi();
    setApi(api);
    let answer!: (s: FirstState) => void;
    early(new Promise((r) => (answer = r)));
    const stop = usePlatforms.getState().connect();
    emit('platformsChanged', [platform({ name: 'Ereignis' })]);
    answer(state('Antwort (älter)'));
    await settle();
    expect(names()).toEqual(['Ereignis']);
    expect(usePlatforms.getState().loaded).toBe(true);
    // The app info had no event: the answer stands for it.
    expect(usePlatforms.getState().appInfo).toEqual(appInfo());
    stop();
  });

  it('applies events after the early answer', async () => {
    const { api, emit } = fakeApi();
    setApi(api);
    early(Promise.resolve(state('Antwort')));
    const stop = usePlatforms.getState().connect();
    await settle();
    emit('platformsChanged', [platform({ name: 'Danach' })]);
    expect(names()).toEqual(['Danach']);
    stop();
  });

  it('asks over the API when the early request brought nothing (host gone, old token)', async () => {
    const { api } = fakeApi([platform({ name: 'Über den Socket' })]);
    setApi(api);
    early(Promise.resolve(undefined));
    const stop = usePlatforms.getState().connect();
    await settle();
    expect(api.listPlatforms).toHaveBeenCalledTimes(1);
    expect(names()).toEqual(['Über den Socket']);
    stop();
  });

  it('shows the error an answer brings, when no event has come', async () => {
    const { api } = fakeApi();
    api.listPlatforms.mockResolvedValueOnce(err('HOST_UNREACHABLE'));
    setApi(api);
    const stop = usePlatforms.getState().connect();
    await settle();
    expect(usePlatforms.getState()).toMatchObject({ loaded: true, error: { code: 'HOST_UNREACHABLE' } });
    stop();
  });

  it('in Electron asks over the API, and an event before the answer wins', async () => {
    const { api, emit } = fakeApi([platform({ name: 'Antwort (älter)' })]);
    setApi(api);
    const stop = usePlatforms.getState().connect();
    emit('platformsChanged', [platform({ name: 'Ereignis' })]);
    await settle();
    expect(names()).toEqual(['Ereignis']);
    stop();
  });
});
