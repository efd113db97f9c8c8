// The only module that touches ipcMain: one handler per request name of the contract, each first
// checking that the sender is the app's own window showing the app's own page.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { REQUEST_NAMES, channelOf } from '../shared/ipc-channels';
import { err } from '../shared/result';
import type { Core } from './core/core';
import { isAppUrl } from './app-origin';

function isTrustedSender(event: IpcMainInvokeEvent, appContents: () => WebContents | undefined): boolean {
  const contents = appContents();
  if (!contents || event.sender.id !== contents.id) return false;
  return isAppUrl(event.senderFrame?.url) && event.senderFrame === contents.mainFrame;
}

export function registerIpc(core: Core, appContents: () => WebContents | undefined): () => void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(channelOf(name), (event, payload: unknown) => {
      if (!isTrustedSender(event, appContents)) return err('FORBIDDEN_SENDER', 'IPC from an unknown frame');
      return core.invoke(name, payload);
    });
  }
  const unsubscribe = core.onEvent((name, payload) => {
    const contents = appContents();
    if (contents && !contents.isDestroyed()) contents.send(channelOf(name), payload);
  });
  return () => {
    unsubscribe();
    for (const name of REQUEST_NAMES) ipcMain.removeHandler(channelOf(name));
  };
}
