import { type ErrorDetail, DomainException } from './domain.exception';
import { ErrorCode } from './error-code';
import { toParamPath } from './param-path';

/**
 * The request's input broke a rule; `details` names each field and what is wrong with it. A detail that names
 * a field also carries `param`, its JSON path (`rows[3].amount`, Stripe's name), so clients can point at it.
 */
export class ValidationException extends DomainException {
  constructor(details: readonly ErrorDetail[], message = 'The request is invalid.') {
    super(ErrorCode.ValidationError, message, details.map(withParam));
  }
}

function withParam(detail: ErrorDetail): ErrorDetail {
  if (detail.field === undefined || detail['param'] !== undefined) return detail;
  return { ...detail, param: toParamPath(detail.field) };
}
