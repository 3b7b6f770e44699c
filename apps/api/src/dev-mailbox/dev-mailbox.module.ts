import { type DynamicModule, Module } from '@nestjs/common';
import { DevMailboxReader } from '@tenantpay/platform';
import type { AppConfig } from '@tenantpay/platform';
import { DEV_MAILBOX_READER } from './dev-mailbox.constant';
import { DevMailboxController } from './dev-mailbox.controller';

/**
 * The development mailbox, registered only outside production and only when DEV_MAILBOX_DIR names the sink's
 * folder (the config refuses that variable in production too): in production the route does not exist.
 */
@Module({})
export class DevMailboxModule {
  static forRoot(config: AppConfig): DynamicModule {
    const directory = config.mail.devMailboxDir;
    if (config.env === 'production' || directory === null) return { module: DevMailboxModule };
    return {
      module: DevMailboxModule,
      controllers: [DevMailboxController],
      providers: [{ provide: DEV_MAILBOX_READER, useValue: new DevMailboxReader(directory) }],
    };
  }
}
