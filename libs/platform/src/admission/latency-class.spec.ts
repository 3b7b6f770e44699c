import { latencyClassOf } from './latency-class';

describe('latencyClassOf', () => {
  it('keeps the route shape and the status, and drops ids and the query', () => {
    expect(latencyClassOf('GET', '/v1/payments/665f1c2a9b1e4a0012345678?expand=refunds', 200)).toBe(
      'GET /v1/payments/: 200',
    );
    expect(latencyClassOf('POST', '/v1/payments', 201)).toBe('POST /v1/payments 201');
    expect(latencyClassOf('POST', '/v1/payments', 401)).toBe('POST /v1/payments 401');
  });

  it('takes long segments for ids whatever their characters', () => {
    expect(latencyClassOf('GET', '/v1/tenants/acme-payments-holding-europe', 200)).toBe(
      'GET /v1/tenants/: 200',
    );
    expect(latencyClassOf('GET', '/v1/tenants/acme', 200)).toBe('GET /v1/tenants/acme 200');
    expect(latencyClassOf('GET', '/v1/invoices/42', 200)).toBe('GET /v1/invoices/: 200');
  });
});
