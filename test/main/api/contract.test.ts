// The merged contract at run time: every capability's channels and events are in it, once each.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, contract, eventNames } from '../../../main/api/contract';
import { appChannels } from '../../../main/api/contract/app';
import { catalogChannels } from '../../../main/api/contract/catalog';
import { assertDisjoint, inputsOf, keysOf, returns } from '../../../main/api/contract/define';
import { paymentChannels } from '../../../main/api/contract/payments';
import { printingChannels } from '../../../main/api/contract/printing';
import { refundChannels } from '../../../main/api/contract/refunds';
import { cartChannels, saleChannels } from '../../../main/api/contract/sale';
import { storeChannels } from '../../../main/api/contract/store';
import { staffChannels } from '../../../main/api/contract/staff';
import { sessionChannels } from '../../../main/api/contract/session';
import { deviceChannels } from '../../../main/api/contract/devices';
import { setupChannels } from '../../../main/api/contract/setup';
import { shiftChannels } from '../../../main/api/contract/shifts';
import { reportChannels } from '../../../main/api/contract/reports';
import { journalChannels } from '../../../main/api/contract/journal';
import { reconciliationChannels } from '../../../main/api/contract/reconciliation';

const capabilities = [
  appChannels,
  catalogChannels,
  cartChannels,
  saleChannels,
  paymentChannels,
  refundChannels,
  printingChannels,
  storeChannels,
  staffChannels,
  sessionChannels,
  deviceChannels,
  setupChannels,
  shiftChannels,
  reportChannels,
  journalChannels,
  reconciliationChannels,
];

describe('the contract, merged from one file per capability', () => {
  it('holds every capability channel once, with its own input schema', () => {
    const declared = capabilities.flatMap((c) => Object.entries(c));
    expect([...channelNames].sort()).toEqual(declared.map(([name]) => name).sort());
    const schemas = new Map(Object.entries(contract));
    for (const [name, def] of declared) expect(schemas.get(name)).toBe(def.input);
    expect(Object.keys(contract)).toEqual([...channelNames]);
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('derives the event names from the declarations', () => {
    expect([...eventNames].sort()).toEqual([
      'cart',
      'catalogImport',
      'journalVerify',
      'payment',
      'paymentError',
      'status',
    ]);
  });

  it('refuses a name declared by two capabilities (a spread would silently keep only the last)', () => {
    const a = { 'cart.get': { input: z.strictObject({}), output: returns<number>() } };
    const b = { 'cart.get': { input: z.strictObject({ x: z.string() }), output: returns<string>() } };
    expect(() => assertDisjoint([a, b])).toThrow('contract: "cart.get" is declared twice');
    expect(() => assertDisjoint([a, { 'cart.put': b['cart.get'] }])).not.toThrow();
    expect(inputsOf(a)['cart.get']).toBe(a['cart.get'].input);
    expect(keysOf(a)).toEqual(['cart.get']);
  });
});
