import autocannon from 'autocannon';
import { startMock } from '@myreports/pbx-mock';
const mock = await startMock({ port: 4521, logLevel: 'error' });
const mb = () => { global.gc(); const m = process.memoryUsage(); return `heap ${Math.round(m.heapUsed/1048576)} MB ext ${Math.round(m.external/1048576)} ab ${Math.round(m.arrayBuffers/1048576)} rss ${Math.round(m.rss/1048576)}`; };
console.log('idle', mb());
const url = `${mock.url}/v1.0/accounts/6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f/customers/2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f/pbxs`;
for (let i = 0; i < 4; i++) {
  await autocannon({ url, connections: 10, amount: 10000, headers: { authorization: 'Bearer x' } });
  console.log('after', (i + 1) * 10000, mb());
}
if (process.env.SNAP) { const { writeHeapSnapshot } = await import('node:v8'); console.log(writeHeapSnapshot('/tmp/mock.heapsnapshot')); }
await mock.stop();
