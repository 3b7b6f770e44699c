import { Module } from '@nestjs/common';
import { ConsoleAssetsService } from './console-assets.service';
import { ConsoleController } from './console.controller';

@Module({ providers: [ConsoleAssetsService], controllers: [ConsoleController] })
export class ConsoleModule {}
