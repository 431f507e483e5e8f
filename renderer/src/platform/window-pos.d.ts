import type { PosApi } from '@contract/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge). Absent in the web build. */
    readonly pos?: PosApi;
  }
}
