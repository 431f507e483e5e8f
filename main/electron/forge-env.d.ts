// Build-time constants injected by @electron-forge/plugin-vite into the main bundle (renderer name "main_window").
// The dev-server URL is only defined under `electron-forge start`; in packaged builds it is undefined.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
