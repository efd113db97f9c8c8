// @vitest-environment jsdom
// The first screen's requests sent before React (boot.ts) and taken over by the store: the state the
// store starts from is the newest in the socket's order — an answer, or a change event after it.
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/result';
import { fakeApi, platform } from '../test/fake-api';
import { setApi, startFirstRequests, takeFirstRequests } from '.';

afterEach(() => setApi(undefined));

describe('first requests', () => {
  it('a change after the answer, before the takeover, is what the store gets', async () => {
    const { api, emit } = fakeApi();
    api.listPlatforms.mockResolvedValueOnce(ok([platform({ name: 'Alt' })]));
    setApi(api);
    startFirstRequests();
    await new Promise((r) => setTimeout(r, 0)); // the answer is in
    emit('platformsChanged', [platform({ name: 'Neu' })]);
    const taken = takeFirstRequests()!;
    expect(await taken.list).toEqual(ok([platform({ name: 'Neu' })]));
    expect(takeFirstRequests()).toBeUndefined();
  });

  it('a change before the answer is superseded by the answer', async () => {
    const { api, emit } = fakeApi();
    api.listPlatforms.mockResolvedValueOnce(ok([platform({ name: 'Antwort' })]));
    setApi(api);
    startFirstRequests();
    emit('platformsChanged', [platform({ name: 'Vorher' })]); // before the answer's microtask
    await new Promise((r) => setTimeout(r, 0));
    expect(await takeFirstRequests()!.list).toEqual(ok([platform({ name: 'Antwort' })]));
  });

  it('taken before the answer: the answer when it comes (events from then on are the store\'s)', async () => {
    const { api, emit } = fakeApi();
    let answer!: (r: ReturnType<typeof ok<ReturnType<typeof platform>[]>>) => void;
    api.listPlatforms.mockReturnValueOnce(new Promise((r) => (answer = r)));
    setApi(api);
    startFirstRequests();
    const taken = takeFirstRequests()!;
    emit('platformsChanged', [platform({ name: 'Ereignis' })]);
    answer(ok([platform({ name: 'Antwort' })]));
    expect(await taken.list).toEqual(ok([platform({ name: 'Antwort' })]));
  });
});
