/**
 * The framework floor the product is compared with: Nest 11 with one GET route returning a small JSON object,
 * on Fastify or on Express, with no logging, no global enhancers and no middleware.
 */
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

export type MinimalPlatform = 'fastify' | 'express';

export const MINIMAL_ROUTE = '/noop';

@Controller()
class NoopController {
  @Get(MINIMAL_ROUTE)
  noop(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [NoopController] })
class MinimalModule {}

export async function createMinimalNestApp(platform: MinimalPlatform): Promise<INestApplication> {
  // Express is Nest's default platform: created without an adapter, Nest loads @nestjs/platform-express.
  return platform === 'fastify'
    ? NestFactory.create(MinimalModule, new FastifyAdapter(), { logger: false })
    : NestFactory.create(MinimalModule, { logger: false });
}
