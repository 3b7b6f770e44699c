import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiExtraModels, ApiOkResponse } from '@nestjs/swagger';
import { PlacementMovesService, type PlacementMoveView } from '@tenantpay/placement-move';
import { ErrorCode, type ListEnvelope } from '@tenantpay/platform';
import {
  BypassTenantIsolation,
  CurrentPrincipal,
  principalActorId,
  type Principal,
  Roles,
  SUPER_ADMIN_ROLE,
} from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ListResponse } from '../openapi/list-response.decorator';
import { CursorPageQueryDto } from '../pagination/cursor-page.query.dto';
import { MovePlacementDto } from './dto/move-placement.dto';
import { CollectionMoveProgressResponse } from './responses/collection-move-progress.response';
import { PlacementMoveResponse } from './responses/placement-move.response';
import type { HeaderResponse } from '../http/header-response';

/**
 * Moving a tenant's data between placements (issue 21), for platform operators: ask for a move, follow it,
 * cancel it before its switch. The
 * move runs in the worker; the tenant keeps working meanwhile (writes refused with 503 `tenant_moving` only
 * during the bounded freeze).
 */
@DocumentedErrors(ErrorCode.TenantNotFound)
@ApiExtraModels(CollectionMoveProgressResponse)
@Controller('admin/tenants/:id/placement')
@BypassTenantIsolation('tenant placement move')
@Roles(SUPER_ADMIN_ROLE)
export class AdminTenantPlacementController {
  constructor(private readonly moves: PlacementMovesService) {}

  /**
   * 202: the move is queued; `Location` is its progress resource. 400 for a placement configuration does not
   * know; 409 when the tenant is already there or another move of it is open.
   */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiAcceptedResponse({ type: PlacementMoveResponse })
  @Post()
  @HttpCode(202)
  async move(
    @Param('id') id: string,
    @Body() body: MovePlacementDto,
    @CurrentPrincipal() principal: Principal,
    @Ip() ip: string,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<PlacementMoveView> {
    const move = await this.moves.request(id, body.placement, principalActorId(principal), ip);
    response.header('Location', `/v1/admin/tenants/${move.tenantId}/placement/moves/${move.id}`);
    return move;
  }

  /** The tenant's moves, newest first. */
  @ListResponse(PlacementMoveResponse)
  @Get('moves')
  list(
    @Param('id') id: string,
    @Query() query: CursorPageQueryDto,
  ): Promise<ListEnvelope<PlacementMoveView>> {
    return this.moves.list(id, {
      limit: query.limit,
      ...(query.starting_after === undefined ? {} : { startingAfter: query.starting_after }),
    });
  }

  /**
   * 202: the move is canceled (not yet taken up by a worker: at once) or will stop at its next step, thawed, its
   * target copy deleted, the tenant on its source (`cancelRequestedAt` set until then; a repeat changes
   * nothing). 409 once its switch has begun or it has ended.
   */
  @DocumentedErrors(ErrorCode.NotFound, ErrorCode.Conflict)
  @ApiAcceptedResponse({ type: PlacementMoveResponse })
  @Post('moves/:moveId/cancel')
  @HttpCode(202)
  cancel(
    @Param('id') id: string,
    @Param('moveId') moveId: string,
    @CurrentPrincipal() principal: Principal,
    @Ip() ip: string,
  ): Promise<PlacementMoveView> {
    return this.moves.cancel(id, moveId, principalActorId(principal), ip);
  }

  /** One move: state, progress by collection, verification results and timings. */
  @DocumentedErrors(ErrorCode.NotFound)
  @ApiOkResponse({ type: PlacementMoveResponse })
  @Get('moves/:moveId')
  get(@Param('id') id: string, @Param('moveId') moveId: string): Promise<PlacementMoveView> {
    return this.moves.get(id, moveId);
  }
}
