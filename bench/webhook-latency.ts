// Webhook → warehouse latency (issue 8 targets): at the Standard plan quota (150 requests / 30 s)
// with no backlog, ~50 orders placed one every second. Each is timed from the moment the sandbox
// BigCommerce starts POSTing its store/order/created webhook to the app, to the order's arrival at
// the sandbox warehouse. Target: p50 < 2 s (the receiver debounces an order's events for
// ORDER_SYNC_DEBOUNCE_MS = 1 s, so one import fetch serves created + statusUpdated).
import { loadavg } from 'node:os';
import { startBenchStack, STORE, waitFor } from './fixtures/stack.js';

const AWAITING_FULFILLMENT = 11;

export interface WebhookLatencyReport {
  orders: number;
  everyMs: number;
  quota: string;
  latencyMs: { p50: number; p99: number; max: number; min: number };
  loadavg: { before: number[]; after: number[] };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export async function benchWebhookLatency(opts: { orders?: number; everyMs?: number } = {}): Promise<WebhookLatencyReport> {
  const count = opts.orders ?? 50;
  const everyMs = opts.everyMs ?? 1_000;
  const stack = await startBenchStack({ quota: 150, windowMs: 30_000 });
  try {
    const { control } = stack.sandbox;
    // Start from a fresh quota window with nothing queued.
    await new Promise((r) => setTimeout(r, 31_000));
    const before = loadavg();
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(control.createOrders(STORE, 1, { statusId: AWAITING_FULFILLMENT })[0]!.id);
      await new Promise((r) => setTimeout(r, everyMs));
    }
    const arrivals = () => {
      const out = new Map<number, number>();
      for (const o of stack.warehouse.control.orders()) {
        const ref = o.body.external_ref as { order_id: number };
        if (!out.has(ref.order_id)) out.set(ref.order_id, o.receivedAt);
      }
      return out;
    };
    await waitFor(() => ids.every((id) => arrivals().has(id)), 'every order at the warehouse', 120_000);
    // The first POST of each order's created event (the sandbox logs when each attempt started).
    const createdEvent = new Map<string, number>();
    for (const e of control.webhookEvents) if (e.scope === 'store/order/created') createdEvent.set(e.id, Number((e.payload.data as { id: number }).id));
    const posted = new Map<number, number>();
    for (const d of control.deliveries) {
      const orderId = createdEvent.get(d.eventId);
      if (orderId !== undefined && d.attempt === 1 && d.copy === 1 && !posted.has(orderId)) posted.set(orderId, d.at);
    }
    const got = arrivals();
    const latencies = ids.map((id) => got.get(id)! - posted.get(id)!).sort((a, b) => a - b);
    if (latencies.some((x) => !Number.isFinite(x))) throw new Error('an order has no recorded webhook POST');
    return {
      orders: count,
      everyMs,
      quota: '150 / 30 s',
      latencyMs: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies[latencies.length - 1]!, min: latencies[0]! },
      loadavg: { before: before.map((x) => Number(x.toFixed(2))), after: loadavg().map((x) => Number(x.toFixed(2))) },
    };
  } finally {
    await stack.close();
  }
}
