import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';

/**
 * Creates payments over HTTP as an integrating bank's server would: each with its own Idempotency-Key, and a
 * refused attempt (503 `tenant_moving`, 409 `idempotency_in_progress`) retried with the same key and body after
 * its Retry-After. Every accepted payment is remembered by its reference, so a test can check that each one
 * exists exactly once wherever the tenant's data ended up.
 */
export class PaymentLoadGenerator {
  /** Reference → payment id, for every payment the API accepted (201, or 200 replaying it). */
  readonly accepted = new Map<string, string>();
  readonly refusals: Record<string, number> = {};
  private running = false;
  private loops: Promise<void>[] = [];
  private sequence = 0;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly auth: { Authorization: string },
    private readonly label: string,
  ) {}

  start(concurrency: number): void {
    this.running = true;
    this.loops = Array.from({ length: concurrency }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    while (this.running) await this.createOne();
  }

  private async createOne(): Promise<void> {
    this.sequence += 1;
    const reference = `${this.label}-${this.sequence}-${randomUUID().slice(0, 8)}`;
    const body = { amount: 1000 + this.sequence, currency: 'EUR', reference, method: 'card' };
    const key = randomUUID();
    for (;;) {
      const response = await request(this.app.getHttpServer())
        .post('/v1/payments')
        .set(this.auth)
        .set('Idempotency-Key', key)
        .send(body);
      if (response.status === 201 || response.status === 200) {
        this.accepted.set(reference, response.body.id as string);
        return;
      }
      const code = String(response.body?.error);
      if (code !== 'tenant_moving' && code !== 'idempotency_in_progress')
        throw new Error(`payment ${reference} refused: ${response.status} ${JSON.stringify(response.body)}`);
      this.refusals[code] = (this.refusals[code] ?? 0) + 1;
      const retryAfterSeconds = Number(response.headers['retry-after'] ?? '1');
      await new Promise((resolve) => setTimeout(resolve, Math.max(retryAfterSeconds, 0.1) * 1000));
    }
  }
}
