import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Registry } from 'prom-client';
import { loadConfig } from '../config/load-config';
import { AdmissionControl } from './admission-control.service';
import { EventLoopDelayMonitor } from './event-loop-delay.monitor';
import { InstanceAdmissionGate } from './instance-admission.gate';
import { LearnedTenantKeys } from './learned-tenant-keys.service';

/** What the gate touches of Node's response, recording what was written and when. */
class RecordedResponse extends EventEmitter {
  status: number | undefined;
  shouldKeepAlive = true;
  writableFinished = false;
  statusCode = 200;

  constructor(private readonly events: string[]) {
    super();
  }

  setHeader(): this {
    return this;
  }

  writeHead(status: number): this {
    this.status = status;
    return this;
  }

  end(): this {
    this.events.push(`answered ${this.status ?? 0}`);
    return this;
  }
}

function gatedServer(events: string[]) {
  const config = loadConfig({
    MONGODB_URI: 'mongodb://127.0.0.1:27017/tenantpay',
    REDIS_URL: 'redis://127.0.0.1:6379',
    JWT_SIGNING_KEYS: `k1:${'a'.repeat(32)}`,
    PAYMENTS_GATEWAY: 'simulated',
    ADMISSION_MAX_IN_FLIGHT: '1',
    ADMISSION_MAX_IN_FLIGHT_PER_TENANT: '1',
    ADMISSION_MIN_IN_FLIGHT: '1',
  });
  const admission = new AdmissionControl(config, new Registry(), new EventLoopDelayMonitor());
  const server = createServer((request) => events.push(`framework ${request.url ?? ''}`));
  new InstanceAdmissionGate(admission, new LearnedTenantKeys(['x-tenant-id'])).attach(server);
  const send = (url: string) => {
    const request = { method: 'POST', url, headers: {} } as unknown as IncomingMessage;
    server.emit('request', request, new RecordedResponse(events) as unknown as ServerResponse);
  };
  return { send };
}

describe('InstanceAdmissionGate', () => {
  it('writes the refusals of a turn of the event loop before the framework starts on the admitted request', async () => {
    const events: string[] = [];
    const { send } = gatedServer(events);
    send('/v1/payments?admitted');
    send('/v1/payments?refused');
    expect(events).toEqual(['answered 503']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['answered 503', 'framework /v1/payments?admitted']);
  });
});
