import { describe, expect, it } from 'vitest';
import { BACKEND_CODE_MAX, methodLabel, NO_METHOD_LABEL, validateNewMethod } from '../../client/src/pages/settings/shippingMethods.js';
import { BACKEND_CODE_MAX as SERVER_CODE_MAX } from '../../shared/mapping-limits.js';
import { NO_METHOD_LABEL as SERVER_LABEL } from '../../shared/mapping-keys.js';

describe('shipping method mappings in Settings', () => {
  it('shows the empty method in the words of the order’s reason, and the server’s code limit', () => {
    expect(methodLabel('')).toBe('(no method)');
    expect(methodLabel('Express')).toBe('Express');
    expect(NO_METHOD_LABEL).toBe(SERVER_LABEL);
    expect(BACKEND_CODE_MAX).toBe(SERVER_CODE_MAX);
  });

  it('adds a method typed by name, trimmed, with a code', () => {
    expect(validateNewMethod('  Express Two ', ' EXP2 ', ['Flat Rate'])).toEqual({ ok: true, input: { method: 'Express Two', backendCode: 'EXP2' } });
  });

  it('asks for a name and a code, refuses a code the backend would refuse and a method already listed', () => {
    expect(validateNewMethod(' ', '', [])).toEqual({
      ok: false,
      fields: { method: expect.stringMatching(/Enter the shipping method/), backendCode: expect.stringMatching(/Enter the code/) },
    });
    expect(validateNewMethod('Freight', 'C'.repeat(101), [])).toEqual({ ok: false, fields: { backendCode: expect.stringMatching(/At most 100 characters/) } });
    expect(validateNewMethod('Flat Rate', 'GROUND', ['Flat Rate'])).toEqual({ ok: false, fields: { method: expect.stringMatching(/already listed/) } });
  });
});
