import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type CapturedMail, DevMailboxReader } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public } from '@tenantpay/tenancy';
import { DEV_MAILBOX_PAGE_ROUTE, DEV_MAILBOX_READER, DEV_MAILBOX_ROUTE } from './dev-mailbox.constant';
import { renderMailboxPage } from './render-mailbox-page';

/**
 * Development only: the email the embedded SMTP sink captured, so someone running `npm start` can follow an
 * invitation link. The module that declares this controller is not imported in production at all.
 */
@ApiExcludeController()
@Public()
@SkipRateLimit()
@Controller()
export class DevMailboxController {
  constructor(@Inject(DEV_MAILBOX_READER) private readonly reader: DevMailboxReader) {}

  @Get(DEV_MAILBOX_ROUTE)
  async list(@Query('to') to?: string): Promise<{ data: CapturedMail[] }> {
    return { data: await this.reader.list(typeof to === 'string' ? to : undefined) };
  }

  @Get(DEV_MAILBOX_PAGE_ROUTE)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async page(): Promise<string> {
    return renderMailboxPage(await this.reader.list());
  }
}
