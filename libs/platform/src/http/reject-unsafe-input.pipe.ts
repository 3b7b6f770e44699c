import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationException } from '../errors/validation.exception';
import { findUnsafeInput } from './find-unsafe-input';

/**
 * Runs before DTO validation on bodies and query strings, whatever the route's DTO: free-form fields (metadata
 * maps) could otherwise carry `$`-operators, dotted keys or prototype keys, and any string NUL characters or
 * unpaired surrogates that validators and encoders downstream do not expect (they answered 500).
 */
@Injectable()
export class RejectUnsafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const unsafe = findUnsafeInput(value);
    if (unsafe.length > 0) throw new ValidationException(unsafe);
    return value;
  }
}
