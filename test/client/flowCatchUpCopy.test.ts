import { describe, expect, it } from 'vitest';
import { flowSavedText } from '../../client/src/pages/settings/flow-settings.js';

// Issue 7 review, point 3: a flow turned back on does what arrived while it was off, and the
// Settings notice says so (the server side is test/flows/flow-catch-up.test.ts).
describe('flow switch notices', () => {
  it('say that the work arriving while a flow is off is done when it is turned back on', () => {
    expect(flowSavedText('orders', false)).toMatch(/meanwhile are sent then/);
    expect(flowSavedText('fulfillment', false)).toMatch(/meanwhile are written then/);
    expect(flowSavedText('cancellations', false)).toMatch(/meanwhile are passed on then/);
  });
});
