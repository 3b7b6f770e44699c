import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RoundRobinBalancer } from './round-robin-balancer';

/** An HTTP server that answers with its name and the Host header it received. */
async function instance(name: string): Promise<Server> {
  const server = createServer((request, response) => {
    response.setHeader('connection', 'close');
    response.end(`${name} ${request.headers.host}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
}
const portOf = (server: Server) => (server.address() as AddressInfo).port;
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('RoundRobinBalancer', () => {
  let instances: Server[];
  let balancer: RoundRobinBalancer;

  beforeEach(async () => {
    instances = await Promise.all(['a', 'b', 'c'].map(instance));
    balancer = await RoundRobinBalancer.start(0, instances.map(portOf));
  });
  afterEach(async () => {
    await balancer.close();
    await Promise.all(instances.filter((server) => server.listening).map(close));
  });

  // node:http rather than fetch, which does not let a caller set Host.
  const ask = () =>
    new Promise<string>((resolve, reject) => {
      get(
        { port: balancer.port, host: '127.0.0.1', headers: { host: 'first-bank.localhost' } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve(body));
        },
      ).on('error', reject);
    });

  it('sends each connection to the next instance in turn, with the Host header untouched', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) answers.push(await ask());
    expect(answers).toEqual([
      'a first-bank.localhost',
      'b first-bank.localhost',
      'c first-bank.localhost',
      'a first-bank.localhost',
      'b first-bank.localhost',
      'c first-bank.localhost',
    ]);
  });

  it('skips an instance that refuses connections', async () => {
    await close(instances[1] as Server);
    const answers = new Set<string>();
    for (let i = 0; i < 6; i++) answers.add((await ask()).split(' ')[0] ?? '');
    expect(answers).toEqual(new Set(['a', 'c']));
  });
});
