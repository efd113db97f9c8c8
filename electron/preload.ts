// Sandboxed preload: bundled into one CommonJS file (a sandboxed preload cannot use ESM or require
// anything but Electron's renderer modules). Exposes one named, typed `window.api` and nothing else:
// a fixed function per request (no generic invoke(channel)) and `on` for the contract's events only.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, REQUEST_NAMES, channelOf, type EventName } from '../shared/ipc-channels';
import type { AppApi } from '../shared/ipc-contract';

const requests = Object.fromEntries(
  REQUEST_NAMES.map((name) => {
    const channel = channelOf(name);
    return [name, (payload?: unknown) => ipcRenderer.invoke(channel, payload)];
  }),
);

const api = {
  ...requests,
  on(event: EventName, listener: (payload: unknown) => void) {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event ${String(event)}`);
    const channel = channelOf(event);
    const handler = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => void ipcRenderer.removeListener(channel, handler);
  },
} as unknown as AppApi;

contextBridge.exposeInMainWorld('api', api);
