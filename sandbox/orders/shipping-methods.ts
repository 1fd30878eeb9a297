// Shipping methods a sandbox checkout offers (the control panel's list; any other name may be
// typed). "Flat Rate" is the default of every order (orders/defaults.ts).
import { DEFAULT_SHIPPING_METHOD } from './defaults.js';

export const SANDBOX_SHIPPING_METHODS: readonly string[] = [DEFAULT_SHIPPING_METHOD, 'Free Shipping', 'Express'];
