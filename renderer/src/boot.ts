// The page's entry (index.html): a few hundred bytes that run as soon as they arrive. In the browser host
// they open the WebSocket and send the list and app-info requests (api/index.ts), then load the app
// (main.tsx), which index.html already preloads (vite.config.ts): the handshake and the answers overlap
// the main bundle's download and compilation instead of following them (issue 15).
import { startFirstRequests } from './api';

startFirstRequests();
void import('./main');
