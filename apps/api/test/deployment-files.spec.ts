import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.join(__dirname, '../../..');

interface ComposeService {
  image?: string;
  build?: { context: string; args: Record<string, string> };
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: unknown[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  expose?: string[];
}

/** Docker cannot run on this machine, so the compose file is at least checked for what the platform needs. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { strict: true }) as {
    services: Record<string, ComposeService>;
  };
  const services = compose.services;

  it('is valid YAML with the four services', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'mongodb', 'redis', 'worker']);
  });

  it('runs MongoDB as a replica set (transactions need one)', () => {
    expect(services['mongodb']?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(JSON.stringify(services['mongodb']?.healthcheck?.test)).toContain('rs.initiate');
  });

  it('gives every service a health check, and starts the apps only once their dependencies are healthy', () => {
    for (const name of ['mongodb', 'redis', 'api']) expect(services[name]?.healthcheck).toBeDefined();
    for (const app of ['api', 'worker']) {
      expect(services[app]?.depends_on).toEqual({
        mongodb: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
      expect(services[app]?.environment?.['MONGODB_URI']).toMatch(
        /^mongodb:\/\/mongodb:27017\/\w+\?replicaSet=rs0$/,
      );
      expect(services[app]?.environment?.['REDIS_URL']).toBe('redis://redis:6379');
      expect(services[app]?.build?.args['APP']).toBe(app);
    }
  });

  it('keeps both metrics ports on the compose network, published nowhere', () => {
    for (const [app, variable, port] of [
      ['api', 'METRICS_PORT', '9463'],
      ['worker', 'WORKER_METRICS_PORT', '9464'],
    ] as const) {
      expect(services[app]?.environment?.[variable]).toBe(port);
      expect(services[app]?.expose).toEqual([port]);
      expect(JSON.stringify(services[app]?.ports ?? [])).not.toContain(port);
    }
  });

  it('builds both apps from the one Dockerfile', () => {
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('ARG APP=api');
    expect(dockerfile).toContain('exec node dist/apps/${APP}/src/main.js');
  });
});
