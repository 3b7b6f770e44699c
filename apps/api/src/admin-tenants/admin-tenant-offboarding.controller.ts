import { ErrorCode } from '@tenantpay/platform';
import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { OffboardingService, type TenantOffboardingView } from '@tenantpay/offboarding';
import {
  BypassTenantIsolation,
  CurrentPrincipal,
  principalActorId,
  type Principal,
  Roles,
  SUPER_ADMIN_ROLE,
} from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ApiAcceptedResponse, ApiOkResponse } from '@nestjs/swagger';
import { TenantOffboardingResponse } from './responses/tenant-offboarding.response';
import type { HeaderResponse } from '../http/header-response';

/**
 * Offboarding a tenant (issue 13 §6), for platform operators: start it once the tenant is archived, follow it,
 * and download the export archive. The export and, after the retention period, the deletion run in the worker.
 */
@DocumentedErrors(ErrorCode.TenantNotFound)
@Controller('admin/tenants/:id/offboarding')
@BypassTenantIsolation('tenant offboarding')
@Roles(SUPER_ADMIN_ROLE)
export class AdminTenantOffboardingController {
  constructor(private readonly offboarding: OffboardingService) {}

  /** 202: the export is queued; a repeated call answers the offboarding already started. */
  @DocumentedErrors(ErrorCode.TenantNotArchived)
  @ApiAcceptedResponse({ type: TenantOffboardingResponse })
  @Post()
  @HttpCode(202)
  start(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<TenantOffboardingView> {
    return this.offboarding.start(id, principalActorId(principal));
  }

  /** The status of a tenant's offboarding export. */
  @ApiOkResponse({ type: TenantOffboardingResponse })
  @Get()
  status(@Param('id') id: string): Promise<TenantOffboardingView> {
    return this.offboarding.status(id);
  }

  /** The archive (tar), streamed; `Repr-Digest` (RFC 9530) carries its SHA-256, as the status does in hex. */
  @DocumentedErrors(ErrorCode.Conflict, ErrorCode.OffboardingArchiveDeleted)
  @ApiOkResponse({
    description: 'The archive (tar)',
    content: { 'application/x-tar': { schema: { type: 'string', format: 'binary' } } },
  })
  @Get('archive')
  async download(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<StreamableFile> {
    const archive = await this.offboarding.openArchive(id, principalActorId(principal));
    response.header('Repr-Digest', `sha-256=:${Buffer.from(archive.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(archive.stream, {
      type: 'application/x-tar',
      disposition: `attachment; filename="${archive.fileName}"`,
      length: archive.bytes,
    });
  }
}
