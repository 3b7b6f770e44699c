import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import type { Model } from 'mongoose';
import type { GatewayEvent } from './gateway-event';
import { GATEWAY_EVENT_MODEL } from './gateway-event.schema';

@Injectable()
export class GatewayEventsRepository extends TenantAwareRepository<GatewayEvent> {
  constructor(@InjectModel(GATEWAY_EVENT_MODEL) model: Model<GatewayEvent>, isolation: DataIsolationService) {
    super(model, isolation);
  }
}
