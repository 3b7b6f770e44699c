import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  API_KEY_MODEL,
  ApiKeySchema,
  TENANT_SECURITY_POLICY_MODEL,
  TENANT_USER_MODEL,
  TenantSecurityPolicySchema,
  TenantUserSchema,
} from '@tenantpay/identity';
import { OFFBOARDING_QUEUE, OffboardingModule } from '@tenantpay/offboarding';
import { OffboardingProcessor } from './offboarding.processor';

/**
 * The worker's offboarding. Offboarding exports and deletes every tenant-owned collection declared in this
 * process, so the worker declares identity's too (users, seats, API keys, security policies), which no other worker job uses;
 * a test checks the worker declares every tenant-owned collection the API does.
 */
@Module({
  imports: [
    OffboardingModule,
    MongooseModule.forFeature([
      { name: TENANT_USER_MODEL, schema: TenantUserSchema },
      { name: API_KEY_MODEL, schema: ApiKeySchema },
      { name: TENANT_SECURITY_POLICY_MODEL, schema: TenantSecurityPolicySchema },
    ]),
    BullModule.registerQueue({ name: OFFBOARDING_QUEUE }),
  ],
  providers: [OffboardingProcessor],
})
export class OffboardingWorkerModule {}
