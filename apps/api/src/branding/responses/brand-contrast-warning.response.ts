import { ApiProperty } from '@nestjs/swagger';
import type { BrandContrastWarning } from '@tenantpay/tenancy';

/** A brand colour too faint to draw shapes on what it sits on (WCAG 1.4.11): accepted, not refused. */
export class BrandContrastWarningResponse implements BrandContrastWarning {
  @ApiProperty({ enum: ['low_contrast'] })
  readonly code!: 'low_contrast';
  @ApiProperty({ enum: ['primaryColor'] })
  readonly param!: 'primaryColor';
  /** What the colour is drawn on: the white page, or the cards in the secondary colour. */
  @ApiProperty({ enum: ['page', 'secondaryColor'] })
  readonly against!: 'page' | 'secondaryColor';
  /** @example 1.9 */
  readonly ratio!: number;
  /** @example 3 */
  readonly required!: number;
  readonly message!: string;
}
