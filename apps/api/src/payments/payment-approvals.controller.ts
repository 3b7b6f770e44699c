import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { TenantUserRole } from '@tenantpay/identity';
import { PaymentApprovalsService, type PaymentView } from '@tenantpay/payments';
import { ErrorCode } from '@tenantpay/platform';
import { Feature, RequireFeature, Roles } from '@tenantpay/tenancy';
import { PaymentResponse } from '../openapi/payment-response.decorator';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { PaymentNoteDto } from './dto/payment-note.dto';

/**
 * Four-eyes decisions on payments held for approval (ENTERPRISE custom workflows). ADMIN users only; no
 * `@Scopes`, so API keys are refused: an approval is a person's decision. The service enforces creator ≠ approver.
 */
@Controller('payments/:id')
@RequireFeature(Feature.CustomWorkflows)
@Roles(TenantUserRole.Admin)
export class PaymentApprovalsController {
  constructor(private readonly approvals: PaymentApprovalsService) {}

  /** Approve a payment held for approval. */
  @DocumentedErrors(ErrorCode.Conflict)
  @PaymentResponse(200)
  @Post('approve')
  @HttpCode(200)
  approve(@Param('id') id: string, @Body() body: PaymentNoteDto): Promise<PaymentView> {
    return this.approvals.approve(id, body.note);
  }

  /** Reject a payment held for approval. */
  @DocumentedErrors(ErrorCode.Conflict)
  @PaymentResponse(200)
  @Post('reject')
  @HttpCode(200)
  reject(@Param('id') id: string, @Body() body: PaymentNoteDto): Promise<PaymentView> {
    return this.approvals.reject(id, body.note);
  }
}
