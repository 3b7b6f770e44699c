import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The optional note of a cancellation, approval or rejection. */
export class PaymentNoteDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
