// The settings screen's tabs, in the order a new shop goes through them.
export const SETTINGS_TABS = ['store', 'taxes', 'devices', 'gateway', 'scanner', 'system'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];
