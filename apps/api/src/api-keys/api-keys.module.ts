import { Module } from '@nestjs/common';
import { IdentityModule } from '@tenantpay/identity';
import { ApiKeysController } from './api-keys.controller';

/** API-key management (ENTERPRISE). */
@Module({ imports: [IdentityModule], controllers: [ApiKeysController] })
export class ApiKeysModule {}
