// The sale's settings, as config.json states them.
import type { PosConfig } from '../config/config';
import type { SaleSettings } from './ports';

export function saleSettings(config: PosConfig): SaleSettings {
  return {
    currency: config.currency,
    pricingMode: config.pricingMode,
    taxRounding: config.taxRounding,
    trainingMode: config.trainingMode,
    terminalId: config.store.terminalId,
  };
}
