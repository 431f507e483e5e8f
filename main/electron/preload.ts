// Sandboxed preload (bundled to CommonJS by Vite: sandboxed preloads may only require 'electron').
// Exposes exactly `window.pos`, built from the contract.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld('pos', createPreloadApi(ipcRenderer));
