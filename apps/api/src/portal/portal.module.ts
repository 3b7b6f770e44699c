import { Module } from '@nestjs/common';
import { PortalAssetsService } from './portal-assets.service';
import { PortalController } from './portal.controller';

@Module({ providers: [PortalAssetsService], controllers: [PortalController] })
export class PortalModule {}
