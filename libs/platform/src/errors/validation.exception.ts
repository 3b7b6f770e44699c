import { type ErrorDetail, DomainException } from './domain.exception';
import { ErrorCode } from './error-code';

/** The request's input broke a rule; `details` names each field and what is wrong with it. */
export class ValidationException extends DomainException {
  constructor(details: readonly ErrorDetail[], message = 'The request is invalid.') {
    super(ErrorCode.ValidationError, message, details);
  }
}
