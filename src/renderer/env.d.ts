/// <reference types="vite/client" />
import type { MotcuaBridge } from '../shared/api/bridge';

declare global {
  interface Window {
    /** The Electron preload bridge; absent in a plain browser. */
    motcua?: MotcuaBridge;
    /** Safari's prefixed AudioContext. */
    webkitAudioContext?: typeof AudioContext;
  }
}
