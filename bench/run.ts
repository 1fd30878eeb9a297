// `npm run bench`: runs every benchmark and prints the figures with the targets they must meet.
import { benchWebhookAck } from './webhook-ack.js';

async function main() {
  const only = process.argv[2];
  const report: Record<string, unknown> = { node: process.version, cpus: (await import('node:os')).cpus().length, at: new Date().toISOString() };
  if (!only || only === 'ack') {
    const ack = await benchWebhookAck();
    report.webhookAck = ack;
    console.log('\nWebhook acknowledgement (durable write) vs bare Express:');
    console.log(`  bare Express     ${ack.throughput.bareReqPerSec.toFixed(0)} req/s (runs ${ack.throughput.runs.bare.map((x) => x.toFixed(0)).join(' / ')})`);
    console.log(`  receiver + write ${ack.throughput.appReqPerSec.toFixed(0)} req/s (runs ${ack.throughput.runs.app.map((x) => x.toFixed(0)).join(' / ')})`);
    console.log(`  ratio            ${(ack.throughput.ratio * 100).toFixed(1)}%   target ≥ 60%   ${ack.throughput.ratio >= 0.6 ? 'MET' : 'NOT MET'}`);
    console.log(`  at 200 req/s     p50 ${ack.fixedRate200.p50Ms} ms, p99 ${ack.fixedRate200.p99Ms} ms, max ${ack.fixedRate200.maxMs} ms   target p99 < 50 ms   ${ack.fixedRate200.p99Ms < 50 ? 'MET' : 'NOT MET'}`);
    console.log(`  non-2xx/errors   ${JSON.stringify(ack.throughput.non2xx)} / ${ack.fixedRate200.non2xx}`);
  }
  if (!only || only === 'import') {
    const { benchImportStorm } = await import('./import-storm.js');
    const storm = await benchImportStorm();
    report.importStorm = storm;
    console.log('\nImport storm (created + statusUpdated + duplicate per order):');
    console.log(`  orders ${storm.orders}, delivered to warehouse ${storm.delivered}, duplicates at warehouse ${storm.duplicateCreates}`);
    console.log(`  BigCommerce API calls ${storm.apiCalls} → ${storm.callsPerOrder.toFixed(3)} per order   target ≤ 1.05   ${storm.callsPerOrder <= 1.05 ? 'MET' : 'NOT MET'}`);
    console.log(`  webhooks received ${storm.webhooksReceived}, time to drain ${(storm.drainMs / 1000).toFixed(1)} s`);
  }
  console.log(`\n${JSON.stringify(report)}`);
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
