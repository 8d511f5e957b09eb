/**
 * The preload of every window: one function per bridge operation on
 * `window.motcua`, each a single `ipcRenderer.invoke`. Nothing else crosses:
 * no ipcRenderer, no generic send/on, no callbacks. Bundled into one file
 * (dist/electron/preload.cjs) for the sandbox; keep it tiny.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, type MotcuaBridge } from '../../shared/api/bridge';

const bridge: MotcuaBridge = {
  printPdf: (input) => ipcRenderer.invoke(BRIDGE_CHANNELS.printPdf, input),
  listPrinters: () => ipcRenderer.invoke(BRIDGE_CHANNELS.listPrinters),
  appInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo),
  exitKiosk: (pin) => ipcRenderer.invoke(BRIDGE_CHANNELS.exitKiosk, pin),
  wiaScan: (options) => ipcRenderer.invoke(BRIDGE_CHANNELS.wiaScan, options),
};

contextBridge.exposeInMainWorld('motcua', bridge);
