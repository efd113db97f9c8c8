// Builds the renderer and Electron bundles once before the end-to-end tests.
import { buildElectron, buildRenderer } from '../scripts/build';

export default async function globalSetup() {
  await buildRenderer();
  await buildElectron();
}
