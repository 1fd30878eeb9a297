import type { ShipmentView } from '../../server/api/contract.js';

/** A shipment as GET /api/orders/:id lists it; override what a test is about. */
export const shipmentView = (changes: Partial<ShipmentView> = {}): ShipmentView => ({
  backendShipmentId: 'S-1',
  bcShipmentId: null,
  trackingNumber: '1Z999',
  carrier: 'UPS',
  service: 'Ground',
  trackingUrl: null,
  items: [{ sku: 'A', quantity: 1 }],
  state: 'created',
  error: null,
  warning: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  ...changes,
});
